import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { PAGE_SIZE, type Answer, type AnswerRequest, type Snippet } from '../../src/answers/types.js';
import { allPages, expectVerbatim, fileText, loadEngine, norm } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

/** Checks what every answer must satisfy and returns it. */
function ask(request: AnswerRequest): Answer {
  const a = engine.answer(request);
  expect(a.snippets.length).toBeLessThanOrEqual(PAGE_SIZE);
  if (a.abstained) {
    expect(a.snippets).toEqual([]);
    expect(a.hasMore).toBe(false);
    expect(a.reason?.trim()).toBeTruthy();
  } else {
    expect(a.snippets.length).toBeGreaterThan(0);
  }
  for (const s of a.snippets) expectCited(s);
  return a;
}

/** A snippet is verbatim, and its citation (paragraph, article) is right. */
function expectCited(s: Snippet): void {
  expectVerbatim(s);
  expect(s.file).toBe(s.article.file);
  const ctx = engine.paragraphContext(s.article.id, s.paragraph, 0);
  expect(ctx, `${s.file} paragraph ${s.paragraph}`).toBeDefined();
  const p = ctx!.paragraphs[0]!;
  expect(s.start).toBeGreaterThanOrEqual(p.start);
  expect(s.end).toBeLessThanOrEqual(p.end);
  for (const h of s.highlights) {
    expect(h.start).toBeGreaterThanOrEqual(s.start);
    expect(h.end).toBeLessThanOrEqual(s.end);
    expect(h.end).toBeGreaterThan(h.start);
  }
}

const ROLES: [string, RegExp][] = [
  ['Greg Hands', /Tory MP/],
  ['Ken Clark', /regional director/],
  ['Jim Fitzpatrick', /\bMP\b/],
  ['Andy Newman', /RESPECT activist/],
  ['Chris Weavers', /Labour leader and organiser/],
  ['Helal Abbas', /candidate/],
  ['Oona King', /NEC member/],
  ['Ala Uddin', /candidate in Spitalfields/],
  ['John Biggs', /candidate who came second/],
  ['George Osborne', /Chancellor/],
];

describe('who', () => {
  it.each(ROLES)('who %s: the top snippet says who they are', (name, role) => {
    const a = ask({ command: 'who', query: name });
    expect(a.abstained).toBe(false);
    expect(a.person?.name).toBe(name);
    const top = a.snippets[0]!;
    expect(top.text).toMatch(role);
    expect(top.text).toContain(name.split(' ').at(-1)!);
  });

  it('who Lutfur Rahman: the person is highlighted in every snippet', () => {
    const a = ask({ command: 'who', query: 'Lutfur Rahman' });
    for (const s of a.snippets) {
      const people = s.highlights.filter((h) => h.label === 'person');
      expect(people.length).toBeGreaterThan(0);
      for (const h of people) expect(fileText(s.file).slice(h.start, h.end)).toMatch(/Lutfur|Rahman/);
    }
  });

  it.each([
    ['the tory mp who laid into ken', 'Greg Hands'],
    ['the socialist unity blog guy', 'Andy Newman'],
    ['the bloke who nominated lutfur', 'Abul Hussain'],
    ['that rahman guy', 'Lutfur Rahman'],
    ['lutfur the mayor', 'Lutfur Rahman'],
    // The speaker of the words quoted, though the article never calls him an MP.
    ['the mp who said the nec would bottle it', 'Tom Harris'],
    // The head in one sentence ("East End MP Jim Fitzpatrick"), the deed in another.
    ['the east end mp who ran oona kings campaign', 'Jim Fitzpatrick'],
    ['the guy who ran oona kings campaign against ken', 'Jim Fitzpatrick'],
    // Words that place them before the clause, and chat shorthand.
    ['that labour mp w the blog who said ken shld be expelled immediately', 'Tom Harris'],
  ])('who %s: the person the description points at, not one it names after its head', (query, name) => {
    expect(ask({ command: 'who', query }).person?.name).toBe(name);
  });

  it.each(['the tory candidate for mayor in tower hamlets', 'kens spokesman', 'neil king'])('who %s: a description no named person answers is refused', (query) => {
    expect(ask({ command: 'who', query }).abstained).toBe(true);
  });
});

describe('when', () => {
  it('marks the date expression: its text is the file slice and lies inside the snippet', () => {
    for (const event of ['Livingstone readmitted', 'Livingstone came down to Tower Hamlets', 'Labour party conference in Manchester', 'mayoral election', 'Rahman expelled from Labour']) {
      const a = ask({ command: 'when', query: event });
      expect(a.abstained, event).toBe(false);
      for (const s of a.snippets) {
        const d = s.date!;
        expect(d, event).toBeDefined();
        expect(d.text).toBe(fileText(s.file).slice(d.start, d.end));
        expect(d.start).toBeGreaterThanOrEqual(s.start);
        expect(d.end).toBeLessThanOrEqual(s.end);
        expect(s.highlights).toContainEqual({ start: d.start, end: d.end, label: 'date' });
        expect(d.resolved).toBeUndefined(); // no article here has a publication date
      }
    }
  });

  it('when Livingstone readmitted: the sentence that says so, dated 2004', () => {
    const top = ask({ command: 'when', query: 'Livingstone readmitted' }).snippets[0]!;
    expect(top.text).toContain('readmitted');
    expect(top.date?.text).toBe('2004');
  });

  it.each(['Tower Hamlets mayoral election', 'the big tower hamlets mayor vote', 'the mayoral election'])(
    'when %s: the calendar date of the election asked, before "this week\'s" and before the 2008 one',
    (query) => {
      const a = ask({ command: 'when', query });
      expect(a.snippets[0]!.date?.text).toBe('October 21');
      expect(a.snippets[0]!.text).not.toMatch(/\b2008 Mayoral election\b/);
    },
  );

  it('when ken was let back in after the first time he got the boot: the readmission, not the expulsion', () => {
    expect(ask({ command: 'when', query: 'ken getting let back into labour after the 1st time he got the boot' }).snippets[0]!.date?.text).toBe('2004');
  });

  it('a date before "after ..." dates the main clause, not the event after it', () => {
    // "faced calls for his expulsion ... today after he joined a rival candidate on the campaign trail"
    expect(ask({ command: 'when', query: 'ken out campaigning with lutfur' }).snippets[0]!.date?.text).toBe('a few days before');
    expect(ask({ command: 'when', query: 'the nec disputes panel clearing ken' }).abstained).toBe(true);
  });

  it("a possessive date dates its noun: 'sacked ... in this week's election' does not date the sacking", () => {
    expect(ask({ command: 'when', query: 'lutfur sacked as labour candidate' }).snippets[0]!.date?.text).toBe('four weeks before the poll');
  });

  it('a year the event came after is no year the answer must have', () => {
    const a = ask({ command: 'ask', query: 'when did ken get let back into labour after the 2000 thing' });
    expect(a.snippets[0]!.date?.text).toBe('2004');
  });

  it('"compared to when X" sets the time: X and its people need not be in the answer', () => {
    const a = ask({ command: 'ask', query: 'when did the 11 get the boot compared to when kens article went up' });
    expect(a.snippets[0]!.text).toContain('Some six hours after he filed his article');
  });

  it("an earlier event is not dated by the news of the day: ken's earlier expulsion", () => {
    expect(ask({ command: 'when', query: "Ken's earlier expulsion from the party" }).snippets[0]!.date?.text).toBe('2000');
    expect(ask({ command: 'ask', query: 'wasnt ken kicked out of labour b4 tho? when n what for' }).snippets[0]!.text).toContain('expelled in 2000');
  });

  it('"ken rejoined" is his readmission: the subject undergoes what the articles tell', () => {
    expect(ask({ command: 'when', query: 'when did ken rejoin' }).snippets[0]!.date?.text).toBe('2004');
  });

  it('"ken got off scot free": he is the one no action was taken against', () => {
    const a = ask({ command: 'ask', query: 'so ken got off scot free?' });
    expect(a.snippets[0]!.text).toContain('decided not to take action against Mr Livingstone');
  });

  it('"was X one of the 8 that got expelled": the list the expelled are named in, and only it, says yes', () => {
    const a = ask({ command: 'ask', query: 'was rania khan one of the 8 that got expelled' });
    // The list sentence does not say "expelled": the sentence that first named "the eight councillors" does.
    expect(a.snippets[0]!.text).toContain('Rania Khan');
    expect(a.verdict).toBe('yes');
    expect(ask({ command: 'ask', query: 'was lutfur one of the 8 councillors that got expelled' }).verdict).not.toBe('yes');
    expect(ask({ command: 'ask', query: 'was abbas one of the eight expelled' }).verdict).not.toBe('yes');
  });

  it('"how many got binned": a verb after "how many" is the action counted, not a thing', () => {
    expect(ask({ command: 'ask', query: 'how many got binned altogether' }).snippets[0]?.text).toMatch(/\b(?:11|eleven|Eight)\b/);
  });

  it('"what did fitzpatrick reckon ...": the verb of opinion is told by his own words', () => {
    expect(ask({ command: 'ask', query: 'what did fitzpatrick reckon about ken turning up with rahman' }).snippets[0]?.text).toContain('Jim Fitzpatrick');
  });

  it('"the exact wording of the rule" asks for the rule itself', () => {
    expect(ask({ command: 'ask', query: 'whats the exact wording of the labour rule ken supposedly broke' }).snippets[0]?.text).toContain('supports any candidate who stands against');
  });

  it('"how many got the boot, not just the councillors": a count heading a long subject; "not just" denies nothing', () => {
    const a = ask({ command: 'ask', query: 'how many ppl TOTAL got the boot in tower hamlets, not just the councillors' });
    expect(a.abstained).toBe(false);
    expect(a.snippets.slice(0, 2).map((s) => s.text).join(' ')).toMatch(/one ordinary member|eleven members|11 party members/);
  });

  it('"how big was rahmans win": a margin in words answers; "source for X" asks whether X', () => {
    expect(ask({ command: 'ask', query: 'how big was rahmans win over the labour candidate' }).snippets[0]?.text).toContain('by a landslide');
    expect(ask({ command: 'ask', query: 'source for ken apologising to labour members after the election?' }).snippets).toEqual([]);
  });

  it('"whats the difference between their cases" and "why didnt X when Y" ask what sets the cases apart', () => {
    const q = 'why didnt the nec go after ken when the councillors all got warning notices? whats the difference between their cases';
    expect(ask({ command: 'ask', query: q }).snippets[0]!.text).toContain('drew a distinction between the cases');
  });

  it('"how did kens spokesman explain X": his reasons; "make sure" is "ensure"', () => {
    expect(ask({ command: 'ask', query: 'how did kens spokesman explain him not campaigning in the spitalfields byelection' }).snippets[0]!.text).toContain('not been possible for Ken');
  });

  it('a /when that asks how long is answered with the length of time', () => {
    expect(ask({ command: 'when', query: 'how long after kens socialist unity article did the 11 get booted' }).snippets[0]!.text).toContain('Some six hours after');
  });

  it('"what did ed miliband say about ken": his words or his silence, not Ken\'s words naming him', () => {
    expect(ask({ command: 'ask', query: 'what did ed miliband actually say in public about ken doing this' }).snippets[0]!.text).toContain('failure to speak out');
  });

  it('"why was lutfur kicked out": the auxiliary before the name makes him the one expelled', () => {
    for (const query of ['why was lutfur kicked out of labour in the first place', 'why was lutfur rahman kicked out of labour']) {
      expect(ask({ command: 'ask', query }).snippets[0]!.text).toContain('Mr Rahman was ex-pelled');
    }
  });

  it('"lutfur got the sack": he is the one sacked, not "Lutfur Rahman supporters"', () => {
    expect(ask({ command: 'when', query: 'lutfur got the sack from labour' }).snippets[0]!.text).toContain('Mr Rahman was ex-pelled');
  });

  it('/who by a description: the sentence that describes the person so comes first', () => {
    const a = ask({ command: 'who', query: 'the guy who ran oona kings campaign against ken' });
    expect(a.person?.name).toBe('Jim Fitzpatrick');
    expect(a.snippets[0]!.text).toContain("who ran Oona King's unsuccessful bid");
  });

  it('an action in a relative clause is not the named person\'s ("ken want the cllrs who resigned")', () => {
    expect(ask({ command: 'ask', query: 'does ken want the cllrs who resigned the whip let back in' }).snippets[0]!.text).toContain('door left open');
    // ... but "among the councillors who got the boot" is asserted of those named.
    expect(ask({ command: 'ask', query: 'were rania khan and ohid ahmed among the councillors who got the boot' }).verdict).toBe('yes');
  });

  it('"did ken agree to get photographed": consenting is agreeing', () => {
    const a = ask({ command: 'ask', query: 'did ken at least agree to get photographed with our candidate for the leaflet' });
    expect(a.snippets[0]!.text).toContain('has consented');
    expect(a.verdict).toBe('yes');
  });

  it('/who reads a pet form of a name ("livvy", "milli"), never an English word', () => {
    expect(ask({ command: 'who', query: 'livvy' }).person?.name).toBe('Ken Livingstone');
    expect(ask({ command: 'who', query: 'milli' }).person?.name).toBe('Ed Miliband');
    expect(ask({ command: 'who', query: 'abbo' }).snippets).toEqual([]);
  });

  it('"how much $ was the fraud": only a sum of money answers, which the sources do not give', () => {
    expect(ask({ command: 'ask', query: 'how much $ was the housing benefit fraud' }).snippets).toEqual([]);
    expect(ask({ command: 'ask', query: 'how much money was robbani paid as adviser' }).snippets).toEqual([]);
  });

  it('"why did ken almost get kicked out": the calls for it, an action that did not happen', () => {
    expect(ask({ command: 'ask', query: 'y did ken almost get kicked out of labour lol' }).snippets[0]!.text).toContain('faced calls for his expulsion');
  });

  it('what someone never quoted said: the sources tell their silence, else nothing', () => {
    expect(ask({ command: 'ask', query: 'wat did miliband even say abt any of this' }).snippets[0]!.text).toContain('failure to speak out');
    const kept = ask({ command: 'ask', query: 'miliband just kept his mouth shut about all this didnt he' });
    expect(kept.snippets[0]!.text).toContain('refused to comment publicly');
    // A /quote asks for their own words, which the sources do not have.
    expect(ask({ command: 'quote', query: 'ed miliband' }).snippets).toEqual([]);
  });

  it('an adverb before the question word keeps its type ("Precisely how many votes ..."), and "would anyone know" is a request', () => {
    expect(ask({ command: 'ask', query: 'Could anyone clarify precisely how many votes Mr Rahman won by?' }).snippets).toEqual([]);
    expect(ask({ command: 'ask', query: 'I gather the party fined Mr Livingstone. Would anyone know how much the fine came to?' }).snippets).toEqual([]);
    expect(ask({ command: 'ask', query: 'Precisely what share of the vote did Labour get in the Shortlands by-election in Bromley?' }).snippets[0]!.text).toContain('Labour got 10%');
  });

  it('"why is everyone saying ken should be expelled": the calls for it rank above an expulsion that happened', () => {
    expect(ask({ command: 'ask', query: 'why is everyone saying ken livingstone shd be expelled, what did he even do' }).snippets[0]!.text).toContain('faced calls for his expulsion');
    expect(ask({ command: 'ask', query: 'ken keeps sayin keep the tories out but was a tory win even possible ngl' }).snippets[0]!.text).toContain('unlikely event');
  });

  it('a list of names: the sentence naming the most people first ("which councillors were it, names pls")', () => {
    expect(ask({ command: 'ask', query: 'which councillors were it exactly, names pls' }).snippets[0]!.text).toContain('Oli Rahman, Lutfa Begum');
  });

  it('/who "jon biggs": a short first name one slip from the named surname\'s first name', () => {
    expect(ask({ command: 'who', query: 'jon biggs' }).person?.name).toBe('John Biggs');
    expect(ask({ command: 'who', query: 'neil king' }).snippets).toEqual([]);
  });

  it('/who reads "the lad who runs X" as a description', () => {
    expect(ask({ command: 'who', query: 'the lad who runs socialist unity' }).person?.name).toBe('Andy Newman');
    expect(ask({ command: 'who', query: 'whoever runs socialist unity' }).person?.name).toBe('Andy Newman');
    expect(ask({ command: 'who', query: 'the tory mp slagging off ken over the rulebook' }).person?.name).toBe('Greg Hands');
  });

  it('a yes/no asserts its first verb: "did ed miliband sign off on sacking rahman" is not in the sources', () => {
    expect(ask({ command: 'ask', query: 'did ed miliband personally sign off on sacking rahman' }).snippets).toEqual([]);
  });

  it('a hyphen-broken word is found: when was Rahman expelled', () => {
    const a = ask({ command: 'when', query: 'Rahman expelled from Labour' });
    expect(a.snippets.some((s) => s.text.includes('ex-pelled from Labour four weeks before the poll'))).toBe(true);
  });
});

describe('quote', () => {
  it('quote SPEAKER about TOPIC returns that speaker on that topic', () => {
    const a = ask({ command: 'quote', query: 'Ken Livingstone', about: 'second preference' });
    expect(a.abstained).toBe(false);
    expect(a.person?.name).toBe('Ken Livingstone');
    expect(a.snippets[0]!.text).toMatch(/second preference/i);
    expect(a.snippets[0]!.speaker).toBe('Ken Livingstone');
    // Others are his words, or a writer's report of them, which carries no speaker and marks the quote.
    for (const s of a.snippets) expect(s.speaker !== undefined || s.highlights.some((h) => h.label === 'quote')).toBe(true);
  });

  it('quote about an act ("expelling lutfur\'s supporters"): a quotation with the act before one with only the people', () => {
    const a = ask({ command: 'quote', query: 'livingstone', about: "expelling lutfur's supporters" });
    expect(a.snippets[0]?.text).toContain('there must be no wave of expulsions');
  });

  it('a quote highlights the quotation inside the snippet', () => {
    const a = ask({ command: 'quote', query: 'Tom Harris' });
    const s = a.snippets[0]!;
    const marked = s.highlights.filter((h) => h.label === 'quote');
    expect(marked.length).toBeGreaterThan(0);
    expect(fileText(s.file).slice(marked[0]!.start, marked[0]!.end)).toMatch(/expelled immediately|bottle it/);
  });

  it("a reply in its article's terms is about what the article is about ('this byelection' in a post on Spitalfields)", () => {
    const a = ask({ command: 'quote', query: 'kens spokesman', about: 'not going to spitalfields' });
    expect(a.snippets[0]!.text).toContain('it has not been possible for Ken to campaign');
  });

  it('a speaker quoted on other topics only abstains for an unrelated topic', () => {
    const a = ask({ command: 'quote', query: 'Ken Livingstone', about: 'football' });
    expect(a.abstained).toBe(true);
  });
});

describe('ask', () => {
  it('routes who/when/what-did-X-say questions to the commands', () => {
    const who = ask({ command: 'ask', query: 'Who is Greg Hands?' });
    expect(who.command).toBe('ask');
    expect(who.answeredAs).toBe('who');
    expect(who.person?.name).toBe('Greg Hands');
    expect(who.snippets[0]!.text).toContain('Tory MP');

    const when = ask({ command: 'ask', query: 'When was Livingstone readmitted?' });
    expect(when.answeredAs).toBe('when');
    expect(when.snippets[0]!.date?.text).toBe('2004');

    const said = ask({ command: 'ask', query: 'What did Tom Harris say?' });
    expect(said.answeredAs).toBe('quote');
    expect(said.snippets[0]!.speaker).toMatch(/Tom Harris/);

    const about = ask({ command: 'ask', query: 'What did Ken Livingstone say about expulsions?' });
    expect(about.answeredAs).toBe('quote');
    expect(about.snippets[0]!.text).toMatch(/expulsion/);
  });

  it('other questions get the passages that answer them', () => {
    const a = ask({ command: 'ask', query: 'Which MP called for Livingstone\'s expulsion on his blog?' });
    expect(a.answeredAs).toBe('ask');
    expect(a.snippets[0]!.text).toContain('Tom Harris');
    const ife = ask({ command: 'ask', query: 'What is the IFE?' });
    expect(ife.snippets[0]!.text).toMatch(/Islamist group, the IFE/);
  });

  it('misspellings still find their target', () => {
    const a = ask({ command: 'when', query: 'Livingstone readmited' });
    expect(a.snippets[0]?.text).toContain('readmitted');
  });
});

describe('abstentions: the sources are silent', () => {
  it.each([
    ['who', 'Theresa May'],
    ['who', 'David Cameron'],
    ['when', 'London Olympics opening ceremony'],
    ['quote', 'David Cameron'],
    ['quote', 'Theresa May'],
    ['ask', 'Who is Theresa May?'],
    ['ask', 'When was the London Olympics opening ceremony?'],
    ['ask', 'What did David Cameron say?'],
    ['ask', 'London Olympics opening ceremony'],
  ] as const)('%s %s', (command, query) => {
    const a = ask({ command, query });
    expect(a.abstained).toBe(true);
  });
});

describe('a date of something else in the sentence', () => {
  it('does not date the event asked about ("intensified today after it emerged the panel had decided")', () => {
    expect(ask({ command: 'ask', query: 'what date did the nec disputes panel meet about ken' }).abstained).toBe(true);
    // A date by the event still answers ("this week's election of a mayor").
    expect(ask({ command: 'ask', query: 'what date was the tower hamlets mayoral election' }).abstained).toBe(false);
  });
});

describe('a place the passage\'s article never names', () => {
  it('does not date an event there ("lutfur being a councillor in spitalfields" is undated)', () => {
    expect(ask({ command: 'when', query: 'lutfur being a councillor in spitalfields' }).abstained).toBe(true);
    // The place's own article dates what it tells there.
    expect(ask({ command: 'when', query: 'ken campaigning in roman road' }).snippets[0]?.text).toContain('Roman Road');
  });
});

describe('the paragraph printed in two articles', () => {
  const WORDS = 'there must be no wave of expulsions';
  it('is in both files (the fact the next test relies on)', () => {
    expect(fileText('corpus/councillors-expelled.txt')).toContain(WORDS);
    expect(fileText('corpus/livingstone-statement-in-full.txt')).toContain(WORDS);
  });

  it.each([
    { command: 'quote', query: 'Ken Livingstone', about: 'expulsions' },
    { command: 'ask', query: 'wave of expulsions of those who have campaigned for Lutfur Rahman' },
    { command: 'when', query: 'Livingstone elected as an independent' },
    { command: 'quote', query: 'Ken Livingstone' },
  ] as AnswerRequest[])('is shown once, saying where else it appears: %o', (request) => {
    const snippets = allPages(engine, request).flatMap((a) => a.snippets);
    const dup = snippets.filter((s) => s.text.includes(WORDS) || s.text.includes('As with my election as an independent in 2000'));
    expect(dup.length).toBeLessThanOrEqual(1);
    if (request.command !== 'when' || dup.length) {
      expect(dup).toHaveLength(1);
      const s = dup[0]!;
      expect(s.alsoIn?.length).toBe(1);
      const other = s.alsoIn![0]!;
      expect(other.file).not.toBe(s.file);
      expect(other.article.file).toBe(other.file);
      expect(fileText(other.file).slice(other.start, other.end)).toBe(s.text);
    }
  });

  it('no answer anywhere shows the same words twice', () => {
    for (const request of [
      { command: 'quote', query: 'Ken Livingstone' },
      { command: 'who', query: 'Lutfur Rahman' },
      { command: 'who', query: 'Helal Abbas' },
      { command: 'ask', query: 'second preference votes' },
      { command: 'when', query: 'election' },
    ] as AnswerRequest[]) {
      const texts = allPages(engine, request).flatMap((a) => a.snippets.map((s) => norm(s.text)));
      expect(new Set(texts).size, request.query).toBe(texts.length);
    }
  });
});

describe('ranking and paging', () => {
  it('up to three snippets, from different articles where the answer spans several', () => {
    for (const request of [
      { command: 'who', query: 'Lutfur Rahman' },
      { command: 'who', query: 'Ken Livingstone' },
      { command: 'quote', query: 'Ken Livingstone' },
      { command: 'ask', query: 'Lutfur Rahman expelled' },
    ] as AnswerRequest[]) {
      const pages = allPages(engine, request);
      const files = new Set(pages.flatMap((a) => a.snippets.map((s) => s.file)));
      const first = pages[0]!.snippets;
      expect(first.length, request.query).toBe(Math.min(3, pages.flatMap((a) => a.snippets).length));
      expect(new Set(first.map((s) => s.file)).size, request.query).toBe(Math.min(first.length, files.size));
    }
  });

  it('page 1 differs from page 0, and hasMore says whether a next page exists', () => {
    const request: AnswerRequest = { command: 'who', query: 'Lutfur Rahman' };
    const p0 = ask({ ...request, page: 0 });
    expect(p0.hasMore).toBe(true);
    const p1 = ask({ ...request, page: 1 });
    expect(p1.page).toBe(1);
    expect(p1.abstained).toBe(false);
    const key = (s: Snippet) => `${s.file}:${s.start}`;
    for (const s of p1.snippets) expect(p0.snippets.map(key)).not.toContain(key(s));
    const pages = allPages(engine, request);
    pages.forEach((a, i) => {
      expect(a.hasMore).toBe(i < pages.length - 1);
      if (i < pages.length - 1) expect(a.snippets).toHaveLength(PAGE_SIZE);
    });
    const beyond = ask({ ...request, page: pages.length });
    expect(beyond.abstained).toBe(true);
    expect(beyond.hasMore).toBe(false);
  });

  it('a question with few answers has no further page', () => {
    const a = ask({ command: 'who', query: 'Greg Hands' });
    if (a.snippets.length < PAGE_SIZE) expect(a.hasMore).toBe(false);
  });
});

describe('paragraphContext and people', () => {
  it('paragraphContext: the paragraph and its neighbours, verbatim, numbered in order', () => {
    const a = ask({ command: 'who', query: 'Greg Hands' });
    const s = a.snippets[0]!;
    const ctx = engine.paragraphContext(s.article.id, s.paragraph)!;
    expect(ctx.article).toEqual(s.article);
    expect(ctx.paragraphs.map((p) => p.n)).toEqual([s.paragraph - 1, s.paragraph, s.paragraph + 1]);
    for (const p of ctx.paragraphs) expect(p.text).toBe(fileText(s.file).slice(p.start, p.end));
    expect(ctx.paragraphs[1]!.text).toContain(s.text);
  });

  it('paragraphContext at the edges and for unknown ids', () => {
    expect(engine.paragraphContext('councillors-expelled', 1)!.paragraphs.map((p) => p.n)).toEqual([1, 2]);
    expect(engine.paragraphContext('no-such-article', 1)).toBeUndefined();
    expect(engine.paragraphContext('councillors-expelled', 0)).toBeUndefined();
    expect(engine.paragraphContext('councillors-expelled', 999)).toBeUndefined();
  });

  it('people(prefix): at most 25, all matching, most mentioned first', () => {
    const everyone = engine.people('');
    expect(everyone.length).toBeGreaterThan(0);
    expect(everyone.length).toBeLessThanOrEqual(25);
    expect(engine.people('', 5)).toHaveLength(5);
    const ks = engine.people('k');
    expect(ks[0]?.name).toBe('Ken Livingstone');
    expect(ks.map((p) => p.name)).toContain('Ken Clark');
    for (const p of ks) expect(p.name.split(' ').some((w) => w.toLowerCase().startsWith('k'))).toBe(true);
    for (let i = 1; i < everyone.length; i++) expect(everyone[i - 1]!.mentions).toBeGreaterThanOrEqual(everyone[i]!.mentions);
    expect(engine.people('Khan').map((p) => p.name).sort()).toEqual(['Aminur Khan', 'Rabina Khan', 'Rania Khan']);
    expect(engine.people('zzz')).toEqual([]);
  });
});
