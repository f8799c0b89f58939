/** Hand-made answers (valid per src/answers/types.ts) for the pure rendering tests. */
import type { Answer, ArticleRef, Snippet } from '../../src/answers/types.js';

export const ARTICLE: ArticleRef = {
  id: 'town-hall-report',
  file: 'corpus/town-hall-report.txt',
  title: 'Mayor race: *the* count',
  kind: 'news report',
  outlet: 'East End Gazette',
  date: '2010-10-22',
};

export const BLOG: ArticleRef = { id: 'a-blog', file: 'corpus/a-blog.txt', title: 'A blog post', kind: 'blog/opinion' };

/** A snippet at `start` of an imaginary file; highlight offsets are given relative to the text. */
export function snippet(text: string, options: Partial<Snippet> & { bold?: [number, number, 'person' | 'date'][] } = {}): Snippet {
  const start = options.start ?? 100;
  const { bold = [], ...rest } = options;
  return {
    text,
    file: ARTICLE.file,
    start,
    end: start + text.length,
    paragraph: 3,
    article: ARTICLE,
    highlights: bold.map(([s, e, label]) => ({ start: start + s, end: start + e, label })),
    ...rest,
  };
}

export function answer(snippets: Snippet[], overrides: Partial<Answer> = {}): Answer {
  return {
    command: 'who',
    query: 'Helal Abbas',
    answeredAs: 'who',
    page: 0,
    abstained: false,
    snippets,
    hasMore: false,
    ...overrides,
  };
}

/** Words of ordinary prose, `n` characters or a little more. */
export function prose(n: number, seed = 0): string {
  const words = ['the', 'council', 'Labour', 'candidate', 'said', 'mayor', 'borough', 'election', 'vote', 'party'];
  const out: string[] = [];
  let length = 0;
  for (let i = seed; length < n; i++) {
    const w = words[(i * 7) % words.length]!;
    out.push(w);
    length += w.length + 1;
  }
  return out.join(' ');
}
