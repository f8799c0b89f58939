/** What every handler gets: the answer engine (through the API the bot uses) and the fault log. */
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';
import type { Answer, AnswerRequest } from '../answers/types.js';

/**
 * The engine as the bot uses it. `answer` may be computed elsewhere (a worker pool on a large
 * corpus) and arrive later; the rest is quick and answered here.
 */
export type AnswerEngine = Pick<Engine, 'people' | 'articles' | 'paragraphContext'> & {
  answer(request: AnswerRequest): Answer | Promise<Answer>;
  /** How long an answer asked now would likely take (a pool's queue); absent when answers are immediate. */
  expectedWaitMs?(): number;
};

export interface BotContext {
  engine: AnswerEngine;
  logger: Logger;
}
