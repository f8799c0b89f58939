/**
 * What a passage must have to answer a question at all, whatever kind of thing is asked: the people
 * the question names, the action it rests on, done by or to them as asked, and the thing it
 * describes. A passage failing one of these answers another question; when every passage fails, the
 * sources do not say what the question assumes. Shared by `ask` and `when`.
 */
import { escapeRegExp, terms } from '../retrieval/text.js';
import { NUMBER_WORDS } from './understand/chat.js';
import type { Lookup } from './lookup.js';
import { NOT_IN_PASSAGE, ROLE_MISMATCH, roleFit } from './roles.js';
import type { Hit } from './textsearch.js';
import { type Concept, conceptCoverage, conceptMatch, OPINION, type SearchPlan } from './understand/expand.js';
import type { QuestionPart } from './understand/question.js';

/** Share of the people a question names that an answer's passage (or its neighbours) must involve. */
const REQUIRED_INVOLVEMENT = 0.5;
/** How well an action or a described thing must be covered: by the user's word or a paraphrase. */
const COVERED = 0.75;
/**
 * Questions that rest on an action: why / yes-no / when / who did it. Elsewhere the other words
 * carry the question, and a paraphrase list never has every verb ("show up to" = "went to").
 */
const PREMISED = new Set<QuestionPart['type']>(['why', 'yesno', 'when', 'who']);

/** True when the words stand right after "before", "after", "while", "for"... in the question. */
function subordinate(question: string, word: string): boolean {
  const escaped = escapeRegExp(word);
  return new RegExp(`\\b(?:before|after|while|since|without|for|by|when|until)\\s+(?:the\\s+)?${escaped}\\b`).test(question);
}

/** "was X one of the 8 ...", "among the councillors who ...": whether someone belongs to a group. */
export const MEMBERSHIP = /\b(?:among|amongst|one of|part of|any of|some of|two of|both of)\b/;
/** "the 8 that got expelled", "the eleven who": a count, not a noun a relative clause describes. */
const COUNT = new RegExp(`^(?:\\d+|${NUMBER_WORDS.join('|')})$`);

/** True when the words are the verb of a relative clause ("the councillors who resigned the whip"). */
function relative(question: string, word: string): boolean {
  // ("were X and Y among the councillors who got the boot": the clause is what is asserted of them.)
  if (MEMBERSHIP.test(question)) return false;
  // After a noun: not a question word ("and who picked abbas"), nor a count ("one of the 8 that got
  // expelled", whose clause is what is asserted of the one named).
  const found = new RegExp(`\\b([a-z0-9]+)\\s+(?:who|that|which)\\s+(?:(?:had|have|has|were|was|got|had been|have been)\\s+)?${escapeRegExp(word)}\\b`).exec(question);
  return found !== null && found[1]!.length >= 3 && !/^(?:and|but)$/.test(found[1]!) && !COUNT.test(found[1]!);
}

/** True when the passage has a form of the concept's word the index does not search ("told"). */
function writtenIn(text: string, c: Concept): boolean {
  if (c.written === undefined) return false;
  // (Built once per concept, not for every passage judged.)
  let written = WRITTEN.get(c);
  if (!written) WRITTEN.set(c, (written = new RegExp(`\\b(?:${c.written.map(escapeRegExp).join('|')})\\b`, 'i')));
  return written.test(text);
}
const WRITTEN = new WeakMap<Concept, RegExp>();

/** "The eight councillors are ...", "Those members were ...": a definite subject, up to three words. */
const DEFINITE_OPENING = /^\W*(?:The|These|Those)\s+((?:[\p{L}\d-]+\s+){0,2}[\p{L}\d-]+)\s+(?:are|were|is|was|have|had|who|will|would)\b/u;

/** How many sentences back a definite subject may reach for the one that first named it. */
const DEFINITE_REACH = 3;

/**
 * The terms of the sentence that first named a passage's definite subject, a few sentences back in
 * its article; none when it opens otherwise.
 */
function referentOf(lookup: Lookup, hit: Hit): Set<string> | undefined {
  const opening = DEFINITE_OPENING.exec(lookup.passageText(hit.passage));
  if (!opening) return undefined;
  const subject = terms(opening[1]!);
  const { passages } = lookup.index.data;
  for (let id = hit.passage.id - 1; id >= Math.max(0, hit.passage.id - DEFINITE_REACH); id--) {
    if (passages[id]!.article !== hit.passage.article) break;
    const said = new Set(terms(lookup.passageText(passages[id]!)));
    if (subject.length > 0 && subject.every((t) => said.has(t))) return said;
  }
  return undefined;
}

export type Failure = 'people' | 'action' | 'focus';

export interface Premise {
  /** The first check a passage fails (for the refusal's reason), or none. */
  failure(hit: Hit): Failure | undefined;
  /** How well the passage's people stand in the question's roles (see roles.ts). */
  roles(hit: Hit): number;
}

export function premiseOf(lookup: Lookup, part: QuestionPart, plan: SearchPlan): Premise {
  // The main action, not one in a clause that sets the time or the cause ("... before expelling them").
  // A why that sets two cases apart rests on both; the sentence drawing the distinction need not
  // repeat either ("The Standard understands the NEC drew a distinction between the cases").
  const actions = PREMISED.has(part.type) && !part.contrast ? plan.concepts.filter((c) => c.action && !c.missing && !subordinate(part.text, c.word)) : [];
  // The thing a question describes ("the tory candidate", "the turnout") is in the answer, all of it;
  // so is a year the question gives ("expelled in 2000"): it is what the question is about.
  // "ken refused to campaign": the refusal is what the question asserts, not the campaigning.
  // "who broke the news to the members that they had been expelled": the breaking of the news is what
  // the person asked about did, not the expulsion.
  // "did ed miliband sign off on sacking rahman": a yes/no asserts its first verb, not only the one
  // in its object ("ken reckoned abbas was forced on ...": what he reckoned is asserted).
  const asserted = part.type === 'yesno' ? actions.filter((c) => !OPINION.test(c.word)).slice(0, 1) : actions;
  const mainActions = actions.some((c) => c.negative) ? actions.filter((c) => c.negative) : part.type === 'who' ? actions.slice(0, 1) : asserted;
  const focusWords = part.focus?.split(' ') ?? [];
  // (Not a year the event came after or before: "let back in after the 2000 thing".)
  const focus = plan.concepts.filter((c) => (/^(?:19|20)\d\d$/.test(c.word) && !subordinate(part.text, c.word)) || focusWords.some((w) => c.word.split(' ').includes(w)));
  // "does ken want the councillors who resigned the whip let back in": the councillors resigned, not
  // Ken; an action in a relative clause is not the named person's.
  const rolePlan = { ...plan, concepts: plan.concepts.filter((c) => !(c.action && relative(part.text, c.word))) };
  const roles = new Map<Hit, number>();
  const rolesOf = (hit: Hit) => {
    let r = roles.get(hit);
    if (r === undefined) roles.set(hit, (r = roleFit(lookup, hit, rolePlan, part.text)));
    return r;
  };
  return {
    roles: rolesOf,
    failure(hit) {
      if (hit.involvesNamed < REQUIRED_INVOLVEMENT) return 'people';
      if (PREMISED.has(part.type) && plan.concepts.some((c) => c.predicate)) return 'action';
      // The action in the passage itself, or around it for a sentence that goes on from the one
      // before ("He has refused." after "... asked Ken to come and campaign in Spitalfields").
      const around = lookup.pronounSubject.has(hit.passage.id) ? hit.covered : hit.ownCovered;
      const told = (c: Concept, matched: ReadonlySet<string>) => conceptCoverage([c], matched) >= COVERED;
      if (mainActions.length && !mainActions.some((c) => told(c, around) || writtenIn(lookup.passageText(hit.passage), c))) {
        // Or in the sentence that first named the passage's subject ("Eight Labour councillors ...
        // have tonight been expelled" / "The eight councillors are understood to be ... Rania Khan").
        const referent = referentOf(lookup, hit);
        if (!referent || !mainActions.some((c) => told(c, referent))) return 'action';
      }
      // A kind of thing ("which court") only has to be something the sources speak of at all.
      if (!focus.every((c) => !c.missing && (part.focusIsKind || conceptCoverage([c], hit.ownCovered) >= COVERED))) return 'focus';
      // Another doer of the action, or the person in another part of it, answers nothing.
      if (actions.length && rolesOf(hit) <= ROLE_MISMATCH) return 'people';
      // A date dates the event of the sentence it is in: that sentence has the person (named, or the
      // he/she going on from the one before), not only its neighbours.
      // So does a place or a name of a kind ("which ward was abbas a councillor for"): the ward of a
      // sentence about Lutfur beside one naming Abbas is not his.
      if ((part.type === 'when' || part.type === 'which' || part.type === 'where') && rolesOf(hit) === NOT_IN_PASSAGE) return 'people';
      // So does the cause of an action done by or to a person ("why was ken suspended"): a sentence
      // about others' suspension beside one naming him is not his.
      // (A why that sets two cases apart is answered by a sentence about either.)
      if (part.type === 'why' && !part.contrast && actions.length && rolesOf(hit) === NOT_IN_PASSAGE) return 'people';
      return undefined;
    },
  };
}

export { NOT_IN_PASSAGE };

/**
 * True when a passage's whole article never names a place or body the question names (not a person:
 * people may be "he"): "lutfur being a councillor in spitalfields" is not dated by "The eight
 * councillors are ... those who appeared in support of Lutfur at his press conference last week", in
 * a post that never mentions Spitalfields. (Within the article, the sentence may say it otherwise.)
 */
export function elsewhere(lookup: Lookup, concepts: readonly Concept[], hit: Hit): boolean {
  const proper = lookup.properTerms();
  // (The article's words are read only for a question that names a place or body, and a passage
  // without it around: most questions name none, and most passages found have it.)
  const article = hit.passage.article;
  return concepts.some(
    (c) =>
      !c.missing &&
      !c.setting &&
      c.weight > 0 &&
      c.terms.some((t) => proper.has(t) && !hit.nameTerms.has(t)) &&
      conceptMatch(c, hit.covered) === 0 &&
      conceptMatch(c, lookup.topicTerms(article)) === 0 &&
      conceptMatch(c, lookup.articleTerms(article)) === 0,
  );
}
