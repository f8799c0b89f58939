/**
 * What a user typed, checked before any search: a query that cannot be a question gets a clear
 * UserInputError (shown to the user, never logged as a fault). Everything else is a normal question,
 * even one the sources cannot answer.
 */
import { words } from '../retrieval/text.js';
import { UserInputError } from './types.js';

/** Longest query accepted; Discord's own option limit is 6000, a question is far shorter. */
export const MAX_QUERY_LENGTH = 300;

/**
 * C0/C1 controls (tab and newline are folded to spaces instead), zero-width and bidi overrides, and
 * other characters that show nothing: soft hyphen, Arabic letter mark, Mongolian vowel separator,
 * Hangul fillers, combining grapheme joiner, and the tag block (invisible text).
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]/u;

/**
 * Checks one query field and returns it with white space folded. `field` names it in the message
 * ("name", "event", "topic"...).
 */
export function checkQuery(raw: unknown, field = 'query'): string {
  if (typeof raw !== 'string') throw new UserInputError('empty', `Please give a ${field}.`);
  if (FORBIDDEN.test(raw)) {
    throw new UserInputError('control-chars', `The ${field} contains invisible or control characters; please type it again as plain text.`);
  }
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) throw new UserInputError('empty', `Please give a ${field}.`);
  if (text.length > MAX_QUERY_LENGTH) {
    throw new UserInputError('too-long', `The ${field} is ${text.length} characters long; please keep it to at most ${MAX_QUERY_LENGTH} characters.`);
  }
  if (words(text).length === 0) throw new UserInputError('no-words', `The ${field} has no words to search for.`);
  return text;
}
