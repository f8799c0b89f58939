/**
 * Scores the engine on a question file, the way the team's scorer does: a question is answered right
 * at top-1 when the first snippet contains one of the expected phrases (quotes, case and spacing
 * normalised) and, when the question names source files, comes from one of them; a question marked
 * `abstain` is right only when the engine abstains. Every snippet is checked to be verbatim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Engine } from '../answers/engine.js';
import { COMMANDS, type Snippet } from '../answers/types.js';
import { parseQuestion } from '../answers/understand/question.js';

export const QuestionSchema = z.object({
  id: z.string(),
  command: z.enum(COMMANDS),
  query: z.string(),
  about: z.string().optional(),
  /** Phrases one of which the top snippet must contain. */
  expect: z.array(z.string()).optional(),
  /** Three-digit prefixes of the received file names the top snippet may come from. */
  seeds: z.array(z.string()).optional(),
  abstain: z.boolean().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export interface Score {
  answerable: number;
  top1: number;
  top3: number;
  falseAbstentions: number;
  abstainQuestions: number;
  rightAbstentions: number;
  snippets: number;
  verbatim: number;
  medianTopLength: number;
  misses: string[];
  /** The same counts per command, and per question type for `ask` ("ask/why", "ask/yesno"). */
  groups: Record<string, GroupScore>;
}

export interface GroupScore {
  answerable: number;
  top1: number;
  abstainQuestions: number;
  rightAbstentions: number;
}

export function readQuestions(path: string): Question[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = QuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`affair-bot: ${path} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid question'}`);
      return parsed.data;
    });
}

const normalise = (s: string) =>
  s.toLowerCase().replace(/[\u2018\u2019`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();

export function evaluate(engine: Engine, questions: Question[], root: string): Score {
  const files = new Map<string, string>();
  const fileText = (file: string) => {
    if (!files.has(file)) files.set(file, readFileSync(join(root, file), 'utf8'));
    return files.get(file)!;
  };
  const score: Score = { answerable: 0, top1: 0, top3: 0, falseAbstentions: 0, abstainQuestions: 0, rightAbstentions: 0, snippets: 0, verbatim: 0, medianTopLength: 0, misses: [], groups: {} };
  const lengths: number[] = [];
  for (const q of questions) {
    const answer = engine.answer({ command: q.command, query: q.query, ...(q.about ? { about: q.about } : {}) });
    const groups = [q.command, ...(q.command === 'ask' ? [`ask/${parseQuestion(q.query).parts[0]!.type}`] : [])].map((g) => (score.groups[g] ??= { answerable: 0, top1: 0, abstainQuestions: 0, rightAbstentions: 0 }));
    for (const s of answer.snippets) {
      score.snippets++;
      if (s.text.length > 0 && fileText(s.file).slice(s.start, s.end) === s.text) score.verbatim++;
      else score.misses.push(`${q.id}: snippet not verbatim at ${s.file}:${s.start}-${s.end}`);
    }
    if (q.abstain) {
      score.abstainQuestions++;
      for (const g of groups) g.abstainQuestions++;
      if (answer.abstained) {
        score.rightAbstentions++;
        for (const g of groups) g.rightAbstentions++;
      }
      else score.misses.push(`${q.id}: answered a question the sources do not answer: ${JSON.stringify(answer.snippets[0]?.text.slice(0, 80))}`);
      continue;
    }
    score.answerable++;
    for (const g of groups) g.answerable++;
    if (answer.abstained) {
      score.falseAbstentions++;
      score.misses.push(`${q.id}: abstained (${answer.reason})`);
      continue;
    }
    const right = (s: Snippet | undefined) =>
      s !== undefined &&
      (q.expect ?? []).some((e) => normalise(s.text).includes(normalise(e))) &&
      (!q.seeds || q.seeds.some((seed) => s.article.source?.startsWith(seed)));
    lengths.push(answer.snippets[0]!.text.length);
    if (right(answer.snippets[0])) {
      score.top1++;
      for (const g of groups) g.top1++;
    } else score.misses.push(`${q.id} (${q.command} ${q.query}${q.about ? ` / ${q.about}` : ''}): top answer ${JSON.stringify(answer.snippets[0]!.text.slice(0, 100))}`);
    if (answer.snippets.slice(0, 3).some(right)) score.top3++;
  }
  lengths.sort((a, b) => a - b);
  score.medianTopLength = lengths[lengths.length >> 1] ?? 0;
  return score;
}

export function formatScore(s: Score): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  return [
    ...s.misses.map((m) => `  miss ${m}`),
    `top-1 ${s.top1}/${s.answerable} (${pct(s.top1, s.answerable)})  top-3 ${s.top3}/${s.answerable} (${pct(s.top3, s.answerable)})  false abstentions ${s.falseAbstentions}`,
    `abstentions right ${s.rightAbstentions}/${s.abstainQuestions} (${pct(s.rightAbstentions, s.abstainQuestions)})  verbatim ${s.verbatim}/${s.snippets} (${pct(s.verbatim, s.snippets)})  median top snippet ${s.medianTopLength} chars`,
    ...Object.entries(s.groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, g]) => `  ${name.padEnd(12)} top-1 ${g.top1}/${g.answerable} (${pct(g.top1, g.answerable)})  abstentions right ${g.rightAbstentions}/${g.abstainQuestions}`),
  ].join('\n');
}
