/**
 * The answer engine: who / when / quote / ask over the corpus, returning structured answers whose
 * snippets are verbatim slices of the article files. It takes an index already loaded and knows
 * nothing of files, workers, Discord or consoles (src/runtime reads and swaps indexes); every front
 * end renders the same Answer objects.
 */
import type { SearchIndex } from '../retrieval/index.js';
import { fold, words } from '../retrieval/text.js';
import { ASKS_DURATION } from './answer-types.js';
import { ask, route, SILENCE } from './ask.js';
import { Lookup, type LookupData } from './lookup.js';
import { check } from './check.js';
import { timeline } from './timeline.js';
import { resolvePerson } from './persons.js';
import { checkQuery } from './query.js';
import { quote } from './quote.js';
import { abstained, answered, toSnippets } from './snippets.js';
import type { Answer, AnswerRequest, ArticleRef, CommandName, Snippet } from './types.js';
import type { Explanation, PartTrace } from './explain.js';
import { parseQuestion, type QuestionPart } from './understand/question.js';
import { respell } from './understand/spelling.js';
import { COMMANDS, UserInputError } from './types.js';
import { when } from './when.js';
import { who } from './who.js';
import type { Person } from '../retrieval/people.js';

export interface PersonSummary {
  id: string;
  name: string;
  mentions: number;
}

export interface ParagraphView {
  n: number;
  text: string;
  start: number;
  end: number;
}

/** What each command's query is called when a message has to name it. */
const FIELD: Record<CommandName, string> = { who: 'name', when: 'event', quote: 'speaker', ask: 'question', check: 'claim', timeline: 'topic' };

export class Engine {
  private readonly lookup: Lookup;

  /** @param derived The lookup data derived when the index was built (derived here when not given). */
  constructor(readonly index: SearchIndex, derived?: LookupData | Lookup) {
    this.lookup = derived instanceof Lookup ? derived : new Lookup(index, derived);
  }

  /** An engine made a slice at a time (see runSliced in src/core/sections.ts): how a bot swaps one in. */
  static *create(index: SearchIndex, derived: LookupData): Generator<void, Engine> {
    return new Engine(index, yield* Lookup.create(index, derived));
  }

  /** Throws UserInputError for input that cannot be a question; never for "not found". */
  answer(request: AnswerRequest): Answer {
    return this.respond(request);
  }

  /** The answer and why it came out so (see explain.ts). */
  explain(request: AnswerRequest): { answer: Answer; explanation: Explanation } {
    const explanation: Explanation = { command: request.command, query: String(request.query), normalised: '', parts: [] };
    return { answer: this.respond(request, explanation), explanation };
  }

  private respond(request: AnswerRequest, explanation?: Explanation): Answer {
    if (!COMMANDS.includes(request.command)) {
      throw new UserInputError('bad-command', `Unknown command "${String(request.command).slice(0, 20)}"; use one of ${COMMANDS.join(', ')}.`);
    }
    // The timeline's topic is optional: an empty one is the whole timeline.
    const allEvents = request.command === 'timeline' && (request.query == null || (typeof request.query === 'string' && request.query.trim() === ''));
    const query = allEvents ? '' : checkQuery(request.query, FIELD[request.command]);
    const blank = request.about == null || (typeof request.about === 'string' && request.about.trim() === '');
    const about = blank ? undefined : checkQuery(request.about, 'topic');
    const clean: AnswerRequest = { ...request, query };
    if (about === undefined) delete clean.about;
    else clean.about = about;

    // ("ken living stone", "sytem": spelt the sources' way before the question is read.)
    const read = respell(this.lookup, query);
    const question = parseQuestion(read);
    if (explanation) explanation.normalised = question.normalised;
    // "/when how long after kens article did the 11 get booted": a length of time, which /ask finds.
    if (request.command !== 'ask' && !(request.command === 'when' && ASKS_DURATION.test(read))) {
      const trace: PartTrace | undefined = explanation && { part: question.parts[0]!, routedTo: request.command, hits: [], rejected: [] };
      if (trace) explanation?.parts.push(trace);
      return this.finish(clean, this.run(request.command, read, about && respell(this.lookup, about), trace));
    }
    const parts = question.parts.map((part) => {
      const trace: PartTrace | undefined = explanation && { part, hits: [], rejected: [] };
      if (trace) explanation?.parts.push(trace);
      return this.askPart(part, trace);
    });
    return this.finish(clean, parts.length === 1 ? parts[0]! : combineParts(questionFirst(question.parts, parts)));
  }

  /** One part of a free-text question: routed to who/when/quote when shaped like them, else searched. */
  private askPart(part: QuestionPart, trace?: PartTrace): Result {
    // "what did biggs say when ...? bet he was fuming": the first question decides the command.
    const routed = route(part.text.split('?')[0]!, (name) => resolvePerson(this.lookup, name).kind === 'person');
    // "that east end mp who ran oona kings campaign against ken, what did he say": he is the person
    // the scene describes.
    if (routed.command === 'quote' && part.carried && /^(?:he|she|they|him|her)$/.test(routed.speaker)) {
      const described = this.runCommand('who', part.carried).person;
      if (described) routed.speaker = described.name;
    }
    if (trace) trace.routedTo = routed.command;
    if (routed.command === 'ask') {
      const asked = this.run('ask', part, undefined, trace);
      const claim = asked.snippets.length ? undefined : taggedClaim(part.text);
      return claim ? (this.checked(claim) ?? asked) : asked;
    }
    const first =
      routed.command === 'who'
        ? this.run('who', routed.name, undefined, trace)
        : routed.command === 'when'
          ? this.run('when', routed.event, undefined, trace)
          : this.run('quote', routed.speaker, routed.about, trace);
    if (first.snippets.length) return first;
    // A person the sources never quote ("what did helal abbas say about ...", "what did the tory
    // candidate say") is not answered by someone else's words.
    // Their silence is what the sources say of it ("his failure to speak out about ...").
    if (routed.command === 'quote' && !first.person && (resolvePerson(this.lookup, routed.speaker).kind === 'person' || PERSON_ROLE.test(routed.speaker))) {
      const silence = this.run('ask', part, undefined, trace);
      return silence.snippets[0] && SILENCE.test(silence.snippets[0].text) ? silence : first;
    }
    // A question shaped like a command may still be answered by a passage ("what does Labour's rule
    // book say about ..."); the free-text search keeps its own guard against loose matches.
    if (trace) trace.routedTo = 'ask';
    const general = this.run('ask', part, undefined, trace);
    return general.snippets.length ? general : first;
  }

  /**
   * A yes/no the question search could not settle ("ken's got form for this hasnt he, going rogue
   * against labour before?") is a claim: the claim checker's evidence answers it when it supports or
   * contradicts, with its stance as the verdict. Its context-only evidence answers nothing.
   */
  private checked(claim: string): Result | undefined {
    const r = this.runCommand('check', claim);
    const stance = r.snippets[0]?.stance;
    if (stance !== 'supports' && stance !== 'contradicts') return undefined;
    return { ...r, snippets: r.snippets.filter((s) => s.stance !== 'context'), verdict: stance === 'supports' ? 'yes' : 'otherwise' };
  }

  private finish(request: AnswerRequest, r: Result): Answer {
    const extra: Partial<Answer> = {};
    if (r.person) extra.person = r.person;
    if (r.alsoNamed?.length) extra.alsoNamed = r.alsoNamed;
    if (!r.snippets.length) {
      if (r.nearest) extra.nearest = r.nearest;
      return abstained(request, r.as, r.reason ?? 'Not in the sources.', extra);
    }
    // The verdict is about the first snippet: only the first page carries it.
    if (r.verdict && (request.page ?? 0) === 0) extra.verdict = r.verdict;
    return answered(request, r.as, r.snippets, extra);
  }

  private run(as: CommandName, query: string | QuestionPart, about?: string, trace?: PartTrace): Result {
    const result = this.runCommand(as, query, about, trace);
    if (trace) trace.outcome = result.snippets.length ? `${result.snippets.length} snippets as ${as}` : `refused as ${as}: ${result.reason}`;
    return result;
  }

  private runCommand(as: CommandName, query: string | QuestionPart, about?: string, trace?: PartTrace): Result {
    const lookup = this.lookup;
    const text = typeof query === 'string' ? query : query.text;
    const q = `“${text}”`;
    switch (as) {
      case 'who': {
        const r = who(lookup, text);
        if (r.kind === 'none') return none(as, `No one called ${q} is named in the sources.`);
        if (r.kind === 'ambiguous') return none(as, ambiguity(text, r.persons));
        return { as, snippets: toSnippets(lookup.index, r.candidates), person: { id: r.person.id, name: r.person.name }, ...alsoNamed(r.others) };
      }
      case 'when': {
        const snippets = toSnippets(lookup.index, when(lookup, text, trace));
        return snippets.length ? { as, snippets } : none(as, `The sources give no date for ${q}.`);
      }
      case 'quote': {
        const r = quote(lookup, text, about);
        if (r.kind === 'ambiguous') return none(as, ambiguity(text, r.persons));
        if (r.kind === 'no-speaker') return none(as, `The sources quote no one matching ${q}.`);
        const person = r.person ? { person: { id: r.person.id, name: r.person.name } } : {};
        if (r.kind === 'no-topic') return { ...none(as, `The sources quote ${r.person?.name ?? q}, but not about “${about}”.`), ...person };
        return { as, snippets: toSnippets(lookup.index, r.candidates), ...person, ...(r.kind === 'found' ? alsoNamed(r.others) : {}) };
      }
      case 'ask': {
        const r = ask(lookup, query, trace);
        const snippets = toSnippets(lookup.index, r.candidates);
        if (snippets.length) return r.verdict ? { as, snippets, verdict: r.verdict } : { as, snippets };
        const refusal = none(as, r.refusal ?? `The sources do not answer ${q}.`);
        const nearest = r.nearest && toSnippets(lookup.index, [r.nearest])[0];
        return nearest ? { ...refusal, nearest } : refusal;
      }
      case 'check': {
        const snippets = toSnippets(lookup.index, check(lookup, text));
        return snippets.length ? { as, snippets } : none(as, 'The sources don’t address this.');
      }
      case 'timeline': {
        const snippets = timeline(lookup, text).map((e) => e.snippet);
        return snippets.length ? { as, snippets } : none(as, text ? `The sources date no events about ${q}.` : 'The sources date no events.');
      }
    }
  }

  /** People for autocomplete, best match first: names or name words starting with the prefix. */
  people(prefix: string, limit = 25): PersonSummary[] {
    const p = fold(prefix).replace(/\s+/g, ' ').trim();
    const matches = (person: Person) => !p || fold(person.name).startsWith(p) || words(person.name).some((w) => fold(w).startsWith(p));
    return [...this.lookup.persons.values()]
      .filter(matches)
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, Math.max(0, limit))
      .map(({ id, name, mentions }) => ({ id, name, mentions }));
  }

  articles(): ArticleRef[] {
    return this.index.data.articles.map((a) => a.ref);
  }

  /** A paragraph of an article and its neighbours, for the Context button. */
  paragraphContext(articleId: string, paragraph: number, radius = 1): { article: ArticleRef; paragraphs: ParagraphView[] } | undefined {
    const article = this.index.data.articles.find((a) => a.ref.id === articleId);
    if (!article || !article.paragraphs.some((p) => p.n === paragraph)) return undefined;
    const paragraphs = article.paragraphs
      .filter((p) => Math.abs(p.n - paragraph) <= radius)
      .map((p) => ({ n: p.n, start: p.start, end: p.end, text: article.text.slice(p.start, p.end) }));
    return { article: article.ref, paragraphs };
  }
}

/**
 * The statement of a question that is a statement with a tag ("ken's got form for this hasnt he",
 * "miliband bottled it right"), which is a claim put up for checking; none for other questions.
 */
function taggedClaim(question: string): string | undefined {
  if (/^(?:who|whom|whose|what|when|where|why|how|which|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/.test(question)) return undefined;
  const untagged = question.replace(PRONOUN_TAG, '').replace(WORD_TAG, '');
  if (untagged === question) return undefined;
  const claim = untagged.replace(/[,?!.\s]+$/, '');
  return claim.split(/\s+/).length >= 3 ? claim : undefined;
}
/** "..., hasnt he", "... did we", "..., is not he, ...": an auxiliary and a pronoun asking for agreement. */
const PRONOUN_TAG = /,?\s+(?:(?:is|was|did|does|do|has|have|had|are|were|will|would|could|should|can)(?:\s+not)?|cannot|isnt|wasnt|didnt|doesnt|dont|hasnt|havent|hadnt|arent|werent|wont|wouldnt|couldnt|shouldnt|cant)\s+(?:he|she|it|they|we|you|there|i)(?=\s*(?:[,?!.]|$))/;
/** "... right", "... innit": a word asking for agreement at the end. */
const WORD_TAG = /[,\s]+(?:right|innit|yeah|yes or no|correct|true)\s*[?!.]*$/;

/** A speaker described by what they are ("the tory candidate", "his spokesman"). */
const PERSON_ROLE = /\b(?:candidate|mp|spokesman|spokeswoman|councillor|leader|mayor|minister|director|organiser|activist|blogger|journalist|reporter|he|she|him|her)\b/i;

/** The snippets found for a question (or one part of it), before paging; none with a reason. */
interface Result {
  as: CommandName;
  snippets: Snippet[];
  reason?: string;
  person?: { id: string; name: string };
  alsoNamed?: { id: string; name: string }[];
  verdict?: Answer['verdict'];
  nearest?: Snippet;
}

function alsoNamed(others: Person[] | undefined): Pick<Result, 'alsoNamed'> {
  return others?.length ? { alsoNamed: others.slice(0, 5).map((p) => ({ id: p.id, name: p.name })) } : {};
}

function none(as: CommandName, reason: string): Result {
  return { as, snippets: [], reason };
}

/**
 * A question in several parts ("who is X and what did he say about Y"): each part's best snippet
 * first, in the order asked, then the parts' further snippets taking turns; a part the sources do
 * not answer adds nothing. All parts unanswered: the first part's reason.
 */
/**
 * "ken obviously campaigned for rahman right? how is he wriggling out of it": a statement put up
 * for agreement before a question is the asker's view; what they ask is the question, answered first.
 */
function questionFirst(parts: readonly QuestionPart[], results: Result[]): Result[] {
  const [first] = parts;
  const statement = first!.type === 'other' || (first!.type === 'yesno' && !ASKED_OUTRIGHT.test(first!.text) && RHETORICAL.test(first!.text));
  const asked = parts.findIndex((p, i) => i > 0 && WH_TYPES.has(p.type));
  if (!statement || asked < 0 || results[asked]!.snippets.length === 0) return results;
  return [results[asked]!, ...results.filter((_, i) => i !== asked)];
}
/** A yes/no asked as one ("did ken ...", "is it true ..."), not a statement with a tag ("..., right"). */
const ASKED_OUTRIGHT = /^(?:is it true|is that true|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/;
/** Words that make a statement the asker's view rather than a check ("ken obviously broke the rules right"). */
const RHETORICAL = /\b(?:obviously|clearly|basically|surely|of course|literally)\b/;
/** Questions that ask for a thing. */
const WH_TYPES = new Set<QuestionPart['type']>(['who', 'when', 'where', 'why', 'how', 'count', 'which', 'list', 'what']);

function combineParts(parts: Result[]): Result {
  const answeredParts = parts.filter((p) => p.snippets.length);
  if (answeredParts.length === 0) return parts[0]!;
  const snippets: Snippet[] = [];
  const seen = new Set<string>();
  for (let round = 0; snippets.length < MAX_COMBINED; round++) {
    const row = answeredParts.map((p) => p.snippets[round]).filter((s): s is Snippet => s !== undefined);
    if (row.length === 0) break;
    for (const s of row) {
      const key = `${s.file}:${s.start}`;
      if (!seen.has(key)) snippets.push(s);
      seen.add(key);
    }
  }
  const combined: Result = { as: answeredParts.length === 1 ? answeredParts[0]!.as : 'ask', snippets };
  const first = answeredParts[0]!;
  if (first === parts[0] && first.verdict) combined.verdict = first.verdict;
  return combined;
}
const MAX_COMBINED = 15;

function ambiguity(query: string, persons: Person[]): string {
  const names = persons.slice(0, 5).map((p) => p.name);
  return `“${query}” could be several people in the sources (${names.join(', ')}); please give the full name.`;
}
