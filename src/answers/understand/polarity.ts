/**
 * Whether a sentence says something happened or that it did not, and whether it describes someone
 * otherwise than a question does: what a yes/no answer and a claim check need to tell "yes" from
 * "the sources say otherwise". Word lists, since a parser would be a large dependency for short news
 * sentences whose negation sits next to its verb.
 */
import { termsOf } from '../../retrieval/text.js';

/** Words and phrases that deny or withhold the action they govern. */
const NEGATIVE =
  /\b(?:not|n't|never|no|nobody|none|nothing|neither|nor|cannot|refus(?:e|es|ed|ing)|den(?:y|ies|ied)|declin(?:e|es|ed)|stops? short of|fail(?:s|ed|ure)? to|refusal|without|rather than|instead of)\b|n’t\b/gi;

/** How far before an action word a negation still governs it. */
const REACH = 40;

/**
 * True when the text negates the action (a negation shortly before a word of `actionTerms`), or, with
 * no action word in it, when it negates anything at all.
 */
export function negative(text: string, actionTerms: ReadonlySet<string>): boolean {
  const negations = [...text.matchAll(NEGATIVE)].map((m) => m.index);
  if (negations.length === 0) return false;
  const actions: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    if (termsOf(m[0]).some((t) => actionTerms.has(t))) actions.push(m.index);
  }
  // A refusal is itself the action when asked about ("is it true he refused"): "He has refused."
  if (actions.length === 0) return true;
  return actions.some((a) => negations.some((n) => n <= a && a - n <= REACH));
}

/** Parties and sides a description may give someone; two different ones contradict each other. */
const SIDES: [string, RegExp][] = [
  ['labour', /\blabour\b/i],
  ['conservative', /\b(?:tory|tories|conservatives?)\b/i],
  ['respect', /\brespect\b/i],
  ['liberal democrat', /\blib(?:eral)? ?dems?\b|\bliberal democrats?\b/i],
  ['green', /\bgreens?\b/i],
];

/** A description in the question ("a labour mp") that the text gives otherwise ("the Tory MP"). */
export function contrasts(question: string, text: string): boolean {
  const role = /\b(?:a|an|the)\s+(\w+)\s+(mp|mps|councillor|councillors|candidate|member|minister|mayor|activist|peer|leader)\b/i.exec(question);
  if (!role) return false;
  const asked = SIDES.find(([, re]) => re.test(role[1]!));
  if (!asked) return false;
  const other = new RegExp(`\\b(\\w+)\\s+${role[2]}\\b`, 'gi');
  for (const m of text.matchAll(other)) {
    const side = SIDES.find(([, re]) => re.test(m[1]!));
    if (side && side[0] !== asked[0]) return true;
  }
  return false;
}

/** A passage that only speaks of the action asked about as a threat or a call ranks this much lower. */
export const HYPOTHETICAL = 0.2;

/** Words that put an action in doubt or in the future: "calls for his expulsion", "faces expulsion". */
const MODAL = /\b(?:calls? for|called for|calling for|faces?|faced|facing|almost|nearly|came close to|threat(?:en(?:ed|s)?)? (?:of|to|with)?|could|would|should|may|might|will|shall|warning|warned|demand(?:ed|s)?|wants?|wanted|urged?|ask(?:ed|s)? for|possible|likely|expect(?:ed|s)? to)\b/gi;

/**
 * True when every action word of the text stands after a word that puts it in doubt or in the
 * future, close before it: the text speaks of the action without saying it happened.
 */
export function hypothetical(text: string, actionTerms: ReadonlySet<string>): boolean {
  const modals = [...text.matchAll(MODAL)].map((m) => m.index + m[0].length);
  const actions: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    if (termsOf(m[0]).some((t) => actionTerms.has(t))) actions.push(m.index);
  }
  return actions.length > 0 && actions.every((a) => modals.some((end) => end <= a && a - end <= MODAL_REACH));
}

/** How far before an action word a modal word still governs it. */
const MODAL_REACH = 25;
