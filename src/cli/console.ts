/**
 * The offline console: the same commands as the bot, answered from the bundled corpus, for people
 * without a Discord token and for checking answers by hand. Reads lines until end of input, so it
 * also works with piped stdin.
 */
import { createInterface } from 'node:readline';
import type { Engine } from '../answers/engine.js';
import { type AnswerRequest, UserInputError } from '../answers/types.js';
import { articleLabel, formatAnswer } from './format.js';

export const CONSOLE_HELP = `Ask about the 2010 Tower Hamlets affair; every answer is copied word for word from the sources, with its citation.
  /who NAME                      who a person is             /who Helal Abbas
  /when EVENT                    when something happened     /when Livingstone readmitted
  /quote SPEAKER [about TOPIC]   what someone said           /quote Ken Livingstone about Tories
  /ask QUESTION                  any question (or just type it)
  /check CLAIM                   is it true? passages that support or contradict it   /check ken was readmitted in 2004
  /timeline [TOPIC]              the dated events in order   /timeline Livingstone
  /more                          further passages for the last question
  /sources                       the articles in the corpus
  /help, /quit`;

type Parsed = { kind: 'request'; request: AnswerRequest } | { kind: 'help' | 'sources' | 'more' | 'quit' | 'empty' } | { kind: 'unknown'; word: string };

/** Reads one console line; text without a leading slash is a question for /ask. */
export function parseLine(line: string): Parsed {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'request', request: { command: 'ask', query: text } };
  const [, word = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(text) ?? [];
  switch (word.toLowerCase()) {
    case 'who':
    case 'when':
    case 'ask':
    case 'check':
    case 'timeline':
      return { kind: 'request', request: { command: word.toLowerCase() as 'who' | 'when' | 'ask' | 'check' | 'timeline', query: rest } };
    case 'quote': {
      const split = /^(.*?)\s+about\s+(.+)$/is.exec(rest);
      return { kind: 'request', request: split ? { command: 'quote', query: split[1]!, about: split[2]! } : { command: 'quote', query: rest } };
    }
    case 'help':
    case 'sources':
    case 'more':
    case 'quit':
    case 'exit':
      return { kind: word.toLowerCase() === 'exit' ? 'quit' : (word.toLowerCase() as 'help' | 'sources' | 'more' | 'quit') };
    default:
      return { kind: 'unknown', word };
  }
}

export async function runConsole(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, ...(interactive ? { output, prompt: 'affair-bot> ' } : {}), crlfDelay: Infinity, terminal: interactive });
  const say = (text: string) => output.write(`${text}\n`);
  let last: AnswerRequest | undefined;
  say(`affair-bot offline console: ${engine.articles().length} articles. Type /help for the commands.`);
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const parsed = parseLine(line);
    if (parsed.kind === 'quit') break;
    try {
      switch (parsed.kind) {
        case 'empty':
          break;
        case 'help':
          say(CONSOLE_HELP);
          break;
        case 'sources':
          for (const a of engine.articles()) say(`- ${articleLabel(a)} [${a.file}]`);
          break;
        case 'unknown':
          say(`Unknown command /${parsed.word.slice(0, 30)}. Type /help for the commands.`);
          break;
        case 'more':
          if (!last) say('Ask a question first; /more shows further passages for it.');
          else {
            last = { ...last, page: (last.page ?? 0) + 1 };
            say(formatAnswer(engine.answer(last)));
          }
          break;
        case 'request':
          last = parsed.request;
          say(formatAnswer(engine.answer(parsed.request)));
          break;
      }
    } catch (err) {
      // A user mistake gets its message; anything else is our fault and must not end the session.
      if (err instanceof UserInputError) say(err.message);
      else {
        say('Sorry, something went wrong answering that; the error has been logged.');
        console.error(err);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
