/**
 * The fixed question mix the benchmark times: 60 questions per command, the same at every scale
 * (claims to check, and timeline topics, the empty one for the whole timeline, among them).
 * It mixes what users type: full names, bare surnames and first names, typos and lower case, people
 * and events the sources never mention (an abstention must be fast too), short topics and long
 * questions. Names of the real articles occur at every scale (the synthetic corpora keep half of
 * them), the invented ones only in synthetic corpora.
 */
import type { AnswerRequest } from '../src/answers/types.js';

export type BenchQuestion = Pick<AnswerRequest, 'command' | 'query' | 'about'>;

const PEOPLE = [
  'Lutfur Rahman', 'Ken Livingstone', 'Helal Abbas', 'Ken Clark', 'Oli Rahman', 'Lutfa Begum', 'Rania Khan',
  'Alibor Choudhury', 'Ohid Ahmed', 'Aminur Khan', 'Rabina Khan', 'Shelina Aktar', 'Andy Newman', 'Ted Jeory',
  'Tom Harris', 'Jim Fitzpatrick', 'Oona King', 'Greg Hands', 'Ed Miliband', 'Frank Dobson', 'Josh Peck',
  'Chris Weavers', 'Ala Uddin', 'Gulam Robbani', 'George Osborne', 'John Biggs', 'Paul Waugh', 'Abul Hussain',
];
const PARTIAL = ['Rahman', 'Livingstone', 'Khan', 'Lutfur', 'Ken', 'Miliband', 'Abbas', 'Mr Robbani', 'Oona', 'Harris'];
const TYPOS = ['Rahmen', 'livingston', 'lutfur rahmen', 'ken livingstne', 'Helal Abas', 'ed milliband', 'Jim Fitzpatric', 'oona kng'];
const INVENTED = ['Jamal Osei', 'Sarah Patel', 'Omar Siddiqui', 'Claire Watson', 'Imran Malik', 'Nadia Hussain', 'Paul Turner'];
const ABSENT = ['Theresa May', 'Imran Khan', 'Boris Johnson', 'Gordon Brown', 'Nicola Sturgeon', 'Sadiq Khan', 'Tony Blair'];

const EVENTS = [
  'Livingstone selected as Labour candidate for London mayor', 'Livingstone came down to Tower Hamlets',
  'press conference of the eight councillors', 'Labour party conference in Manchester', 'Livingstone elected mayor as an independent',
  "Livingstone's 68 per cent in Spitalfields", 'councillors expelled from Labour', 'Lutfur Rahman sacked as Labour candidate',
  'Tower Hamlets mayoral election', 'NEC imposed Helal Abbas', 'Livingstone expelled from Labour', 'Militant Tendency purged',
  'Ken appeared with Lutfur on the campaign trail', 'second preference votes', 'Miliband elected Labour leader', 'Oona King lost the nomination',
  'Tom Harris blog post', 'the legal advice was taken', 'Rahman became leader of the council', 'general election in Tower Hamlets',
  'London Olympics opening ceremony', 'the referendum on a directly elected mayor', 'Respect party founded', 'the Jubilee', 'last week',
  'yesterday', 'Thursday election', 'Livingstone statement published', 'Labour lost Spitalfields', 'Robbani leaflet distributed',
];
const QUOTE_SPEAKERS = [
  'Ken Livingstone', 'Labour MP', 'Labour Party spokesman', 'Tom Harris', 'Greg Hands', 'Jim Fitzpatrick', 'Oona King', 'Lutfur Rahman',
  'a Labour spokesman', 'the councillor', 'shadow minister', "Ken's spokesman", 'Robbani leaflet', 'Livingstone', 'Helal Abbas',
  'David Cameron', 'Ed Miliband', 'Harris', 'the source', 'Labour councillor',
];
const TOPICS = ['second preference', 'eleven members', 'the Tories', 'expulsion', 'rules', 'Islamic Forum Europe', 'independent candidate', 'Tower Hamlets', 'NEC', 'mayor'];
const ASKS = [
  "Which MP called for Livingstone's expulsion on his blog?", 'What share of the vote did Ken get in Spitalfields in 2008?',
  "Who ran Oona King's bid for the mayoral nomination?", 'What is the IFE?', 'Why did Livingstone say he appeared with Rahman?',
  'Who is Lutfur Rahman?', 'When were the councillors expelled?', 'What did Ken Livingstone say about second preferences?',
  'How many councillors were expelled?', 'Who was the official Labour candidate?', 'Why was Lutfur Rahman sacked?',
  'What do Labour rules say about campaigning for an opponent?', 'Who is Helal Abbas?', 'When did Livingstone win as an independent?',
  'What did the Labour spokesman confirm?', 'Did Miliband expel Livingstone?', 'Who are the eight councillors?',
  'What happened at the press conference?', 'Where is Tower Hamlets?', 'Who said Livingstone has broken the rules?',
  'What is Respect?', 'Who funded the Rahman campaign?', 'Was Livingstone disappointed by the NEC?', 'Who won the mayoral election?',
  'What did Greg Hands say?', 'Who is Ken Clark?', 'How did Labour choose its candidate?', 'What did the Robbani leaflet say?',
  'Who wrote the statement in full?', 'When is the election?', 'What is the weather in London?', 'Who is the Prime Minister?',
  'livingstone rahman campaign', 'expelled councillors names', 'ken statement second preference lutfur',
];

const CLAIMS = [
  'ken was readmitted to labour in 2008', 'eleven members were expelled, eight of them councillors', 'wasnt ken kicked out in 2000',
  'tom harris said ken should be expelled immediately', 'greg hands said it is one rule for them one rule for ken',
  'miliband refused to comment publicly', 'the NEC decided not to take action against livingstone', 'lutfur got 23k votes',
  'ken told everyone to give lutfur their first preference', 'abbas was the official labour candidate', 'ken never appeared with rahman',
  'the election was held under the alternative vote system', 'ken campaigned in spitalfields two weeks ago', 'boris won in 2012',
  'the councillors refused to sign a statement', 'lol ken literally went out campaigning with lutfur, unreal', 'robbani was paid 50 grand',
  'is it true that ken was expelled over lutfur', 'john biggs was the candidate the nec imposed', 'ken clark delivered the news',
  'george galloway backed lutfur', 'labour got 43% in spitalfields last time', 'the tories won tower hamlets', 'ken admitted he was campaigning',
  'oona king said it is the most important election in a long time', 'rahman denies the allegations', 'sadiq khan backed abbas',
  'the 8 councillors appeared at the press conference', 'ken wrote a piece demanding expulsions', 'the weather was nice in london',
];
const TIMELINE_TOPICS = ['', 'Livingstone', 'Ken Livingstone', 'Lutfur Rahman', 'Helal Abbas', 'expelled', 'readmitted', 'mayoral election', 'Spitalfields', 'the NEC', 'Boris Johnson', 'Labour conference', 'press conference', 'byelection', 'Tom Harris'];

const cycle = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, (_, i) => list[i % list.length]!);

function build(): BenchQuestion[] {
  const who = [...PEOPLE, ...PARTIAL, ...TYPOS, ...INVENTED, ...ABSENT].slice(0, 60);
  const when = cycle(EVENTS, 60).map((e, i) => (i < EVENTS.length ? e : `when ${e.toLowerCase()}`));
  const quote = cycle(QUOTE_SPEAKERS, 60).map((speaker, i): BenchQuestion => (i % 3 === 1 ? { command: 'quote', query: speaker, about: TOPICS[i % TOPICS.length]! } : { command: 'quote', query: speaker }));
  const ask = cycle(ASKS, 60).map((q, i) => (i < ASKS.length ? q : q.toLowerCase().replace(/\?$/, '')));
  const check = cycle(CLAIMS, 60).map((c, i) => (i < CLAIMS.length ? c : c.toUpperCase()));
  const timeline = cycle(TIMELINE_TOPICS, 60).map((t, i) => (i < TIMELINE_TOPICS.length ? t : t.toLowerCase()));
  return [
    ...who.map((query): BenchQuestion => ({ command: 'who', query })),
    ...when.map((query): BenchQuestion => ({ command: 'when', query })),
    ...quote,
    ...ask.map((query): BenchQuestion => ({ command: 'ask', query })),
    ...check.map((query): BenchQuestion => ({ command: 'check', query })),
    ...timeline.map((query): BenchQuestion => ({ command: 'timeline', query })),
  ];
}

export const QUESTIONS: readonly BenchQuestion[] = build();

/** The string raw MiniSearch is given for a question: the words the engine has to search with. */
export function rawQuery(q: BenchQuestion): string {
  return q.about ? `${q.query} ${q.about}` : q.query;
}
