/**
 * Button custom ids. Each carries the state its button needs (or says where in the message to find
 * it), so buttons keep working after a restart and across shards: nothing is held in memory.
 *
 *   ctx:<i>:<articleId>:<paragraph>   Context for snippet i (i keeps ids unique within a message)
 *   more:<command>:<page>:<qLen>:<aLen>  next page; query/about are read back from the title (and
 *                                        the footer when the title is cut), whose exact lengths
 *                                        the id records (see render.ts)
 *   pin                                 pin the message the button is on
 */
import { COMMANDS, type CommandName } from '../answers/types.js';
import { LIMITS } from './limits.js';

export type ButtonState =
  | { kind: 'context'; index: number; articleId: string; paragraph: number }
  | { kind: 'more'; command: CommandName; page: number; queryLength: number; aboutLength: number }
  | { kind: 'pin' };

export function encodeButton(state: ButtonState): string | undefined {
  let id: string;
  switch (state.kind) {
    case 'context':
      id = `ctx:${state.index}:${state.articleId}:${state.paragraph}`;
      break;
    case 'more':
      id = `more:${state.command}:${state.page}:${state.queryLength}:${state.aboutLength}`;
      break;
    case 'pin':
      id = 'pin';
      break;
  }
  // A button whose state does not fit is left out rather than sent broken.
  return id.length <= LIMITS.customId ? id : undefined;
}

const nat = (s: string | undefined): number | undefined => (s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : undefined);

/** Parses a custom id; undefined for anything this bot did not make (or an older format). */
export function decodeButton(customId: string): ButtonState | undefined {
  const parts = customId.split(':');
  if (parts[0] === 'pin' && parts.length === 1) return { kind: 'pin' };
  if (parts[0] === 'ctx' && parts.length === 4) {
    const index = nat(parts[1]);
    const paragraph = nat(parts[3]);
    const articleId = parts[2]!;
    if (index === undefined || paragraph === undefined || !articleId) return undefined;
    return { kind: 'context', index, articleId, paragraph };
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
