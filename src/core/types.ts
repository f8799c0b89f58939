/**
 * Types shared by the layers: retrieval (which builds the index) and answers (which answers from it)
 * both speak of articles, so the article reference lives here, below both, and neither imports the
 * other for it.
 */

export type ArticleKind = 'news report' | 'blog/opinion' | 'statement';

/** What a user may see about an article: its metadata and where its text lives. */
export interface ArticleRef {
  /** Stable id: the file name without extension, e.g. `livingstone-faces-expulsion`. */
  id: string;
  /** Path of the text file relative to the project root, e.g. `corpus/x.txt`. */
  file: string;
  title: string;
  kind: ArticleKind;
  outlet?: string;
  author?: string;
  /** ISO date (YYYY-MM-DD) of publication, only when the metadata gives one. */
  date?: string;
  /** The file's name as received (provenance), when the metadata gives it. */
  source?: string;
}
