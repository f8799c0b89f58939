// PLACEHOLDER: the real engine is being written; this file fixes the public API other modules use.
import type { Answer, AnswerRequest, ArticleRef } from './types.js';

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

export interface EngineOptions {
  /** Folder holding `*.txt` articles and their `*.meta.json`; default `<root>/corpus`. */
  corpusDir?: string;
  /** Project root that snippet `file` paths are relative to; default the current directory. */
  root?: string;
}

export declare class Engine {
  static load(options?: EngineOptions): Promise<Engine>;
  /** Throws UserInputError for input that cannot be a question; never for "not found". */
  answer(request: AnswerRequest): Answer;
  /** People for autocomplete, best match first. */
  people(prefix: string, limit?: number): PersonSummary[];
  articles(): ArticleRef[];
  /** A paragraph of an article and its neighbours, for the Context button. */
  paragraphContext(articleId: string, paragraph: number, radius?: number): { article: ArticleRef; paragraphs: ParagraphView[] } | undefined;
}
