/**
 * Why an answer came out as it did (`npm run ask -- --explain ...`): the question as normalised, its
 * parts with their types, the words searched with their paraphrases and weights, and the best
 * passages with the factors of their scores. Filled in by the answer code as it runs, so it cannot
 * drift from what the answer did.
 */
import type { CommandName } from './types.js';
import type { SearchPlan } from './understand/expand.js';
import type { QuestionPart } from './understand/question.js';

export interface HitTrace {
  passage: number;
  text: string;
  score: number;
  factors: Record<string, number>;
}

export interface PartTrace {
  part: QuestionPart;
  /** The command the part was answered as (ask may route to who/when/quote). */
  routedTo?: CommandName;
  answerType?: string;
  plan?: SearchPlan;
  hits: HitTrace[];
  /** Passages that matched but failed a check, and which (the first few). */
  rejected: { passage: number; text: string; failed: string }[];
  outcome?: string;
}

export interface Explanation {
  command: CommandName;
  query: string;
  normalised: string;
  parts: PartTrace[];
}

/** Plain-text form for the console. */
export function formatExplanation(e: Explanation): string {
  const lines = [`question: ${e.query}`, `normalised: ${e.normalised}`];
  e.parts.forEach((t, i) => {
    lines.push('', `part ${i + 1}: "${t.part.text}" type=${t.part.type}${t.part.negated ? ' negated' : ''}${t.routedTo ? ` answered-as=${t.routedTo}` : ''}${t.answerType ? ` wants=${t.answerType}` : ''}`);
    lines.push(`  search words: ${t.part.content || '(none)'}`);
    for (const c of t.plan?.concepts ?? []) {
      const alts = [...[...c.alternatives].map(([term, w]) => `${term}×${w}`), ...(c.together ?? []).map((g) => `${g.terms.join('+')}×${g.weight}`)].join(' ');
      lines.push(`  - ${c.word}: terms [${c.terms.join(' ')}] weight ${c.weight.toFixed(2)}${c.missing ? ' MISSING from the corpus' : ''}${alts ? ` alternatives ${alts}` : ''}`);
    }
    t.hits.forEach((h, k) => {
      const f = Object.entries(h.factors).map(([name, v]) => `${name}=${v.toFixed(2)}`).join(' ');
      lines.push(`  #${k + 1} ${h.score.toFixed(3)} [${f}]`, `     ${h.text.slice(0, 160)}`);
    });
    for (const r of t.rejected.slice(0, 5)) lines.push(`  rejected (${r.failed}): ${r.text.slice(0, 140)}`);
    if (t.outcome) lines.push(`  outcome: ${t.outcome}`);
  });
  return lines.join('\n');
}
