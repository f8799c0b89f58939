/**
 * The answer objects every front end renders (console, CLI, Discord). They carry no formatting:
 * a snippet is a verbatim slice of an article file plus the facts needed to cite it.
 */
import type { ArticleRef } from '../core/types.js';

export type { ArticleKind, ArticleRef } from '../core/types.js';

export const COMMANDS = ['who', 'when', 'quote', 'ask', 'check', 'timeline'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** How a passage bears on a claim (`check`). */
export type Stance = 'supports' | 'contradicts' | 'context';

/** A span inside a snippet worth marking (bold) when rendered; offsets are file offsets. */
export interface Highlight {
  start: number;
  end: number;
  label: 'person' | 'date' | 'quote';
}

/** Another place where the very same passage appears (syndicated or re-quoted text). */
export interface AlsoIn {
  article: ArticleRef;
  file: string;
  start: number;
  end: number;
  paragraph: number;
}

export interface Snippet {
  /** Exactly `fileText.slice(start, end)`. */
  text: string;
  file: string;
  start: number;
  end: number;
  /** 1-based number of the body paragraph in the article (site chrome not counted). */
  paragraph: number;
  article: ArticleRef;
  highlights: Highlight[];
  /** For quotations: who said it, as the article names them ("a Labour spokesman"). */
  speaker?: string;
  /** For /when: the date expression, as written, and a calendar date only if resolvable. */
  date?: { text: string; start: number; end: number; resolved?: string; undated?: true };
  alsoIn?: AlsoIn[];
  /** For `check`: whether the passage supports the claim, contradicts it, or is context. */
  stance?: Stance;
}

export interface AnswerRequest {
  command: CommandName;
  query: string;
  /** Topic filter for `quote`. (`timeline` takes its optional topic as `query`, "" for all.) */
  about?: string;
  /** 0-based page of results; each page holds up to `PAGE_SIZE` snippets. */
  page?: number;
}

export interface Answer {
  command: CommandName;
  query: string;
  about?: string;
  /** Which command actually answered (an `ask` may be routed to `who`, `when` or `quote`). */
  answeredAs: CommandName;
  page: number;
  /** True when the sources do not answer; `snippets` is then empty and `reason` says why. */
  abstained: boolean;
  reason?: string;
  snippets: Snippet[];
  /** True when a further page of snippets exists for the same question. */
  hasMore: boolean;
  /** The person the query was resolved to, when it named one. */
  person?: { id: string; name: string };
  /**
   * Others the query's name could also mean ("Ken" → Ken Livingstone, also Ken Clark), when the
   * answer chose the likeliest of several.
   */
  alsoNamed?: { id: string; name: string }[];
  /**
   * For a yes/no question: whether the first snippet confirms what was asked ('yes') or says
   * otherwise ('otherwise'). Absent when the question was not yes/no.
   */
  verdict?: 'yes' | 'otherwise';
  /**
   * With a refusal: the passage that came closest, shown as such and never as an answer (it failed a
   * check: the wrong people, no number for a count, another action).
   */
  nearest?: Snippet;
}

export const PAGE_SIZE = 3;

/** A user mistake (empty query, control characters...): shown to the user, never logged as a fault. */
export class UserInputError extends Error {
  constructor(
    readonly code: 'empty' | 'too-long' | 'control-chars' | 'no-words' | 'bad-command',
    message: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}
