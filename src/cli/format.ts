/**
 * Plain-text rendering of answers for the console and the one-shot CLI. Each snippet is printed
 * verbatim in quotes with its citation (article, kind, paragraph, character offsets in the file).
 */
import type { Answer, ArticleRef, Snippet } from '../answers/types.js';

export function formatAnswer(answer: Answer): string {
  const heading = `${answer.answeredAs}: ${answer.query}${answer.about ? ` (about ${answer.about})` : ''}`;
  const lines = [heading];
  if (answer.person && answer.alsoNamed?.length) {
    lines.push(`  (answering about ${answer.person.name}; also named so in the sources: ${answer.alsoNamed.map((p) => p.name).join(', ')})`);
  }
  if (answer.abstained) {
    lines.push(`  Not in the sources. ${answer.reason ?? ''}`.trimEnd());
    if (answer.nearest) lines.push('', `  Nearest passage (not an answer): “${answer.nearest.text}”`, `   ${citation(answer.nearest)}`);
    return lines.join('\n');
  }
  if (answer.verdict) lines.push(answer.verdict === 'yes' ? 'Yes, the sources say:' : 'The sources say otherwise:');
  answer.snippets.forEach((s, i) => {
    if (s.date?.undated && !answer.snippets.slice(0, i).some((x) => x.date?.undated)) lines.push('', 'Undated (relative dates as written; the sources do not say when):');
    lines.push('', `${answer.page * 3 + i + 1}. ${s.stance ? `[${s.stance}] ` : ''}“${s.text}”`);
    if (s.speaker) lines.push(`   — ${s.speaker}`);
    if (s.date) lines.push(`   date: ${s.date.text}${s.date.resolved ? ` (resolved: ${s.date.resolved})` : ''}`);
    lines.push(`   ${citation(s)}`);
    for (const other of s.alsoIn ?? []) lines.push(`   also in: ${other.article.title}, paragraph ${other.paragraph}`);
  });
  if (answer.hasMore) lines.push('', '(more passages: add --page N, or type /more)');
  return lines.join('\n');
}

export function citation(s: Snippet): string {
  return `${articleLabel(s.article)}, paragraph ${s.paragraph} [${s.file}:${s.start}-${s.end}]`;
}

export function articleLabel(a: ArticleRef): string {
  const extra = [a.kind, a.outlet, a.author, a.date].filter(Boolean).join(', ');
  return `${a.title} (${extra})`;
}
