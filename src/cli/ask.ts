/**
 * One-shot and batch questions from the command line.
 *   npm run ask -- who "Helal Abbas"            prints the answer with its citations
 *   npm run ask -- quote "Ken Livingstone" --about Tories --json
 *   npm run --silent ask -- --batch --json       reads {"command","query","about"?} JSON lines on stdin,
 *                                                prints exactly one JSON answer line per input line
 */
import { config as loadDotenv } from 'dotenv';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Engine } from '../answers/engine.js';
import { loadEngine } from '../runtime/load.js';
import { ConfigError, loadConfig } from '../config.js';
import { type Answer, type AnswerRequest, COMMANDS, UserInputError } from '../answers/types.js';
import { formatExplanation } from '../answers/explain.js';
import { formatAnswer } from './format.js';
import { CACHE_DIR } from './paths.js';

const USAGE = `usage: npm run ask -- <${COMMANDS.join('|')}> "QUERY" [--about TOPIC] [--page N] [--json] [--explain]
       npm run --silent ask -- --batch [--json]   (JSON lines {"command","query","about"?} on stdin)`;

async function main(argv: string[]): Promise<number> {
  const flags = new Set<string>(argv.filter((a) => a === '--json' || a === '--batch' || a === '--explain'));
  const rest = argv.filter((a) => !flags.has(a));
  loadDotenv({ quiet: true });
  let limits;
  try {
    limits = loadConfig().corpus; // CORPUS_MAX_ARTICLE_MB applies here as in `npm start`
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    return 1;
  }
  // The index `npm start` saved, when the corpus is unchanged.
  const engine = await loadEngine({ cacheDir: CACHE_DIR, limits });
  if (flags.has('--batch')) return batch(engine, flags.has('--json'), flags.has('--explain'));
  const request = parseArgs(rest);
  if (typeof request === 'string') {
    console.error(request);
    return 2;
  }
  try {
    if (flags.has('--explain')) {
      const { answer, explanation } = engine.explain(request);
      await say(flags.has('--json') ? JSON.stringify({ answer, explanation }, null, 2) : `${formatExplanation(explanation)}\n\n${formatAnswer(answer)}`);
      return 0;
    }
    const answer = engine.answer(request);
    await say(flags.has('--json') ? JSON.stringify(answer, null, 2) : formatAnswer(answer));
    return 0;
  } catch (err) {
    if (err instanceof UserInputError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

function parseArgs(args: string[]): AnswerRequest | string {
  const [command, ...words] = args;
  if (!command || !COMMANDS.includes(command as AnswerRequest['command'])) return USAGE;
  const request: AnswerRequest = { command: command as AnswerRequest['command'], query: '' };
  const query: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--about') request.about = words[++i] ?? '';
    else if (w === '--page') request.page = Math.max(0, Number(words[++i]) - 1 || 0);
    else query.push(w);
  }
  request.query = query.join(' ');
  return request;
}

/**
 * A check's evidence and a timeline are lists to be read whole: the batch line holds every page
 * (the other commands keep the first page, as the bot shows it).
 */
function allPages(engine: Engine, request: AnswerRequest): Answer {
  const first = engine.answer(request);
  if (request.command !== 'check' && request.command !== 'timeline') return first;
  const snippets = [...first.snippets];
  for (let page = 1, last = first; last.hasMore; page++) {
    last = engine.answer({ ...request, page });
    snippets.push(...last.snippets);
  }
  return { ...first, snippets, hasMore: false };
}

/** One output line per input line, in order; a bad line gets an error line, never a crash. */
async function batch(engine: Engine, json: boolean, explain: boolean): Promise<number> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const request = JSON.parse(line) as AnswerRequest;
      const clean: AnswerRequest = { command: request.command, query: request.query, ...(request.about ? { about: request.about } : {}) };
      if (explain) {
        const { answer, explanation } = engine.explain(clean);
        out = { ...answer, explanation };
      } else out = allPages(engine, clean);
    } catch (err) {
      const message = err instanceof UserInputError ? err.message : err instanceof SyntaxError ? 'not a JSON line' : 'internal error';
      out = { abstained: true, error: message, answers: [] };
    }
    if (json) {
      const a = out as { abstained: boolean; snippets?: unknown[] };
      await say(JSON.stringify('snippets' in a ? { ...a, answers: a.snippets } : out));
    } else {
      await say('snippets' in (out as object) ? formatAnswer(out as never) : (out as { error: string }).error);
    }
  }
  return 0;
}

/**
 * Writes a line to stdout, waiting while the reader is behind: a pipe to a slow reader holds the
 * rest in memory otherwise, and answers not yet written when the process ends are lost.
 */
async function say(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

// The reader went away (`| head`): nothing more can be delivered, so stop without a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit();
});

// exitCode, never process.exit(): the process ends once stdout has written everything it holds.
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err instanceof Error && err.name === 'CorpusError' ? err.message : 'affair-bot: unexpected error; see the message above.');
    if (!(err instanceof Error && err.name === 'CorpusError')) console.error(err);
    process.exitCode = 1;
  },
);
