/**
 * Button custom ids. Each carries the state its button needs (or says where in the message to find
 * it), so buttons keep working after a restart and across shards: nothing is held in memory.
 *
 *   ctx:<i>:<paragraph>:<start>:<length>:<fingerprint>:<articleId>
 *                                      Context for snippet i (i keeps ids unique within a message):
 *                                      the cited passage's place (base 36) and a hash of its text, so
 *                                      after an edit the button says the passage changed instead of
 *                                      showing whatever paragraph now has that number (buttons.ts
 *                                      also finds the passage moved within its paragraph). The article id
 *                                      comes last and is taken whole, so any name the corpus accepts
 *                                      (`a:b`, or empty for `.txt`) travels as it is.
 *   more:<command>:<page>:<qLen>:<aLen>  next page; query/about are read back from the title (and
 *                                        the footer when the title is cut), whose exact lengths
 *                                        the id records (see render.ts)
 *   pin                                 pin the message the button is on
 *   share:<command>:<qLen>:<aLen>       post this private answer publicly (request read back as for More)
 */
import { createHash } from 'node:crypto';
import { COMMANDS, type CommandName } from '../answers/types.js';
import { LIMITS } from './limits.js';

export type ButtonState =
  | { kind: 'context'; index: number; articleId: string; paragraph: number; start: number; length: number; fingerprint: string }
  | { kind: 'more'; command: CommandName; page: number; queryLength: number; aboutLength: number }
  | { kind: 'pin' }
  | { kind: 'share'; command: CommandName; queryLength: number; aboutLength: number };

export function encodeButton(state: ButtonState): string | undefined {
  let id: string;
  switch (state.kind) {
    case 'context':
      id = `ctx:${state.index}:${[state.paragraph, state.start, state.length].map((n) => n.toString(36)).join(':')}:${state.fingerprint}:${state.articleId}`;
      break;
    case 'more':
      id = `more:${state.command}:${state.page}:${state.queryLength}:${state.aboutLength}`;
      break;
    case 'pin':
      id = 'pin';
      break;
    case 'share':
      id = `share:${state.command}:${state.queryLength}:${state.aboutLength}`;
      break;
  }
  // A button whose state does not fit is left out rather than sent broken.
  return id.length <= LIMITS.customId ? id : undefined;
}

const nat = (s: string | undefined): number | undefined => (s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : undefined);
/** Base 36 numbers of the Context id: up to 6 digits hold any offset of a JavaScript string. */
const nat36 = (s: string | undefined): number | undefined => (s !== undefined && /^[0-9a-z]{1,6}$/.test(s) ? parseInt(s, 36) : undefined);

/** A short hash of a passage's text: 48 bits, enough to tell an edited passage from the cited one. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 8);
}

/** Parses a custom id; undefined for anything this bot did not make (or an older format). */
export function decodeButton(customId: string): ButtonState | undefined {
  const parts = customId.split(':');
  if (parts[0] === 'pin' && parts.length === 1) return { kind: 'pin' };
  if (parts[0] === 'share' && parts.length === 4) {
    const command = COMMANDS.find((c) => c === parts[1]);
    const queryLength = nat(parts[2]);
    const aboutLength = nat(parts[3]);
    if (!command || queryLength === undefined || aboutLength === undefined) return undefined;
    return { kind: 'share', command, queryLength, aboutLength };
  }
  if (parts[0] === 'ctx' && parts.length >= 7) {
    const index = nat(parts[1]);
    const [paragraph, start, length] = parts.slice(2, 5).map(nat36);
    const fingerprint = parts[5]!;
    const articleId = parts.slice(6).join(':');
    if (index === undefined || paragraph === undefined || start === undefined || length === undefined || !/^[\w-]{8}$/.test(fingerprint)) return undefined;
    return { kind: 'context', index, articleId, paragraph, start, length, fingerprint };
  }
  if (parts[0] === 'more' && parts.length === 5) {
    const command = COMMANDS.find((c) => c === parts[1]);
    const page = nat(parts[2]);
    const queryLength = nat(parts[3]);
    const aboutLength = nat(parts[4]);
    if (!command || page === undefined || queryLength === undefined || aboutLength === undefined) return undefined;
    return { kind: 'more', command, page, queryLength, aboutLength };
  }
  return undefined;
}
