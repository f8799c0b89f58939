/** What every handler gets: the answer engine (through the API the bot uses) and the fault log. */
import type { Logger } from 'pino';
import type { Engine } from '../answers/engine.js';

export type AnswerEngine = Pick<Engine, 'answer' | 'people' | 'articles' | 'paragraphContext'>;

export interface BotContext {
  engine: AnswerEngine;
  logger: Logger;
}
