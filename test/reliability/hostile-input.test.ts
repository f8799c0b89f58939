/**
 * Random and adversarial queries through the same path a command takes, minus the network: the
 * engine, then the pure renderers and `toMessageOptions` (the last step before discord.js sends).
 * For every input: nothing is thrown but a UserInputError (which the bot shows as a notice), every
 * snippet is the exact text of its file, and every payload is within Discord's limits and pings no one.
 */
import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { UserInputError, type Answer, type AnswerRequest, type CommandName } from '../../src/answers/types.js';
import { escapeUserText } from '../../src/bot/escape.js';
import { embedLength, LIMITS } from '../../src/bot/limits.js';
import { renderAnswer, renderDmHelp, renderNotice, type MessagePayload } from '../../src/bot/render.js';
import { fitChoices, toMessageOptions } from '../../src/bot/respond.js';
import { bounded, fileText, loadEngine } from '../engine/helpers.js';

const RUNS_PER_COMMAND = 2_500;
/** 2,500 answers rendered per test take about 1 s on an idle core, several on two loaded ones. */
const PROPERTY_TIMEOUT = 120_000;

let engine: Engine;
let names: string[];
beforeAll(async () => {
  engine = await loadEngine();
  names = engine.people('', 200).map((p) => p.name);
});

const adversarial = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&223456789012345678>',
  '<#323456789012345678>',
  '**bold** __under__ ~~strike~~ ||spoiler|| `code` ```block``` > quote',
  '[link](https://example.com)',
  '# heading',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '^$|?*+()[]{}',
  '%s %n {{x}} ${process.env.DISCORD_TOKEN}',
  '__proto__',
  'constructor',
  '😀🔥🇬🇧',
  '👨‍👩‍👧‍👦',
  'Z̴̧̛a̷l̸g̶o̵',
  '\u202Eevil',
  'Helal\u200BAbbas',
  '\u0000',
  'ﷺ',
  '\uD800',
  'Tower Hamlets',
  'mayor',
  'election',
  'Who is',
  'When was',
  'What did',
];

/** Queries of every shape: real names mixed with hostile pieces, raw unicode, huge strings. */
function queryArb(): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...adversarial), fc.constantFrom(...names), fc.string({ unit: 'grapheme', maxLength: 12 }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(' ')) },
    { weight: 2, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    // Around the query length limit, and far past it (Discord allows 6,000 in an option, DMs 2,000+).
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), fc.integer({ min: 280, max: 320 })).map(([n, len]) => `${n} `.repeat(len).slice(0, len)) },
    { weight: 1, arbitrary: fc.integer({ min: 301, max: 10_000 }).chain((len) => fc.string({ unit: 'grapheme', minLength: len, maxLength: len })) },
  );
}

function checkEmbed(e: APIEmbed): void {
  expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
  expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
  expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeGreaterThan(0);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
}

/**
 * Checks the renderer's own output (not only the fitted one): the fitting in toMessageOptions is a
 * safety net, and a renderer relying on it would cut snippets.
 */
function checkPayload(payload: MessagePayload): void {
  for (const p of [payload, toMessageOptions(payload)]) {
    expect((p.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
    const embeds = p.embeds ?? [];
    expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
    embeds.forEach(checkEmbed);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const rows = p.components ?? [];
    expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
    for (const row of rows) {
      expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      for (const b of row.components) {
        if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        if ('label' in b && b.label) expect(b.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      }
    }
  }
  // Nothing the bot sends may ping, whatever the user typed.
  expect(toMessageOptions(payload).allowedMentions).toEqual({ parse: [] });
  // Something is always said (Discord rejects an empty message).
  const sent = toMessageOptions(payload);
  expect(Boolean(sent.content) || sent.embeds.length > 0).toBe(true);
}

function checkVerbatim(answer: Answer): void {
  for (const s of answer.snippets) {
    expect(s.text).toBe(fileText(s.file).slice(s.start, s.end));
    if (s.date) expect(s.date.text).toBe(fileText(s.file).slice(s.date.start, s.date.end));
  }
}

/** What the bot does with one request: answer and render, or the notice guard shows for a refusal. */
function runCommand(request: AnswerRequest, rendering: { pinnable: boolean; ephemeral: boolean }): boolean {
  let answer: Answer;
  try {
    answer = engine.answer(request);
  } catch (err) {
    expect(err).toBeInstanceOf(UserInputError);
    checkPayload(renderNotice(escapeUserText((err as Error).message)));
    return false;
  }
  checkVerbatim(answer);
  checkPayload(renderAnswer(answer, { ...rendering, articleCount: engine.articles().length }));
  return answer.snippets.length > 0;
}

const renderingArb = fc.record({ pinnable: fc.boolean(), ephemeral: fc.boolean() });
const pageArb = fc.oneof(fc.constant(0), fc.nat(3));

describe('hostile input (property, 10,000 commands)', () => {
  for (const command of ['who', 'when', 'ask'] as const satisfies readonly CommandName[]) {
    it(`/${command}: never throws but a refusal; snippets verbatim; payloads within limits`, () => {
      let answered = 0;
      let runs = 0;
      fc.assert(
        fc.property(queryArb(), pageArb, renderingArb, (query, page, rendering) => {
          runs++;
          if (runCommand({ command, query, page }, rendering)) answered++;
        }),
        bounded(RUNS_PER_COMMAND),
      );
      // The snippet and layout checks only bite on real answers: make sure the mix produces them (of
      // the runs made: the property is bounded in time, and a busy machine makes fewer).
      expect(runs).toBeGreaterThan(0);
      expect(answered).toBeGreaterThan(runs / 20);
    }, PROPERTY_TIMEOUT);
  }

  it('/quote (speaker and topic both hostile): the same guarantees', () => {
    fc.assert(
      fc.property(queryArb(), fc.option(queryArb(), { nil: undefined }), pageArb, renderingArb, (query, about, page, rendering) => {
        runCommand({ command: 'quote', query, ...(about === undefined ? {} : { about }), page }, rendering);
      }),
      bounded(RUNS_PER_COMMAND),
    );
  }, PROPERTY_TIMEOUT);

  it('DMs: a refusal becomes the DM help, an answer renders within limits', () => {
    fc.assert(
      fc.property(queryArb(), (text) => {
        try {
          const answer = engine.answer({ command: 'ask', query: text });
          checkVerbatim(answer);
          checkPayload(renderAnswer(answer, { pinnable: false, articleCount: engine.articles().length }));
        } catch (err) {
          expect(err).toBeInstanceOf(UserInputError);
          checkPayload(renderDmHelp((err as Error).message));
        }
      }),
      bounded(1_000),
    );
  }, PROPERTY_TIMEOUT);

  it('autocomplete: any typed prefix gives at most 25 choices within the 100-character limits', () => {
    // Discord caps what is typed in an option at 100 characters before autocomplete sees it.
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.constantFrom(...adversarial, ...names)), (typed) => {
        const people = engine.people(typed.trim(), 25);
        const choices = fitChoices(people.map((p) => ({ name: `${p.name} (${p.mentions} mentions)`, value: p.name })));
        expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(c.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
        }
      }),
      bounded(1_000),
    );
  }, PROPERTY_TIMEOUT);
});
