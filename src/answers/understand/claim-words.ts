/**
 * Additions for reading claims (check.ts) on top of the question lists (chat.ts, paraphrases.ts):
 * chat words that carry a poster's emphasis rather than a claim, and paraphrases that claims need and
 * questions rarely do. Kept apart so the question lists stay as they are; same shape, same rules.
 */
import type { Paraphrase } from './paraphrases.js';

/** Intensifiers and hedges of chat claims ("literally", "point blank", "all the way"). */
export const CLAIM_FILLER: readonly string[] = [
  'point blank',
  'all the way',
  'once before',
  'for the whole',
  'what a',
  'absolutely',
  'totally',
  'completely',
  'personally',
  'already',
  'himself',
  'herself',
  'themselves',
  'itself',
  'definitely',
  'clearly',
  'obviously',
  'surely',
  'anyway',
  'unreal',
  'again',
  'too',
];

export const CLAIM_PARAPHRASES: readonly Paraphrase[] = [
  {
    say: ['expelled', 'kicked out', 'thrown out', 'booted', 'booted out', 'got the boot', 'given the boot', 'axed', 'purged', 'dumped', 'sacked'],
    means: ['disciplinary', 'sanction'],
    why: 'an expulsion is a disciplinary sanction ("whether he would face disciplinary action")',
  },
  {
    say: ['destroyed', 'crushed', 'thrashed', 'trounced', 'smashed', 'battered', 'walloped'],
    means: ['beat', 'landslide', 'victorious', 'defeat'],
    why: 'winning an election by a wide margin',
  },
  {
    say: ['piece', 'op-ed', 'column', 'blog post', 'post'],
    means: ['article', 'statement', 'blog'],
    why: 'a piece of writing',
  },
  {
    say: ['demanding', 'demanded', 'demand', 'calling for', 'called for', 'wanted', 'want', 'urging', 'urged'],
    means: ['calling', 'urged', 'want', 'must', 'warning', 'warned', 'arguing', 'argued'],
    why: 'asking for something to be done (or, with "against", for it not to be: "warning against expelling")',
  },
  {
    say: ['told', 'tell', 'tells', 'telling'],
    means: ['urged', 'urging', 'said', 'asked', 'calling', 'encouraged'],
    why: 'telling people to do something',
  },
  {
    say: ['turned up', 'showed up', 'show up', 'came', 'appeared'],
    means: ['appear', 'appeared', 'appearance', 'attendance'],
    why: 'being present at an event',
  },
  {
    say: ['spoke out', 'speak out', 'spoken out', 'spoke', 'speak', 'said anything', 'say anything', 'said a word', 'say a word', 'commented', 'comment'],
    means: ['comment', 'speak', 'spoke', 'said'],
    why: 'saying something in public',
  },
  {
    say: ['straight away', 'right away', 'at once', 'instantly', 'immediately'],
    means: ['immediately', 'immediate'],
    why: 'without delay',
  },
  {
    say: ['excuse', 'defence', 'defense', 'line'],
    means: ['said', 'insisted', 'told'],
    why: 'what someone gave as their reason',
  },
];
