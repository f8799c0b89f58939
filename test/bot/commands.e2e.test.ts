import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, autocomplete, customIds, slashCommand } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The engine's answer for the same request, to know which corpus slices the reply must quote. */
function expectedSnippets(command: 'who' | 'when' | 'quote' | 'ask', query: string, about?: string) {
  return h.engine.answer({ command, query, ...(about ? { about } : {}) }).snippets;
}

function expectVerbatimAnswer(body: any, snippets: ReturnType<typeof expectedSnippets>) {
  expect(body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE: answered at once, no defer
  expect(body.data.allowed_mentions).toEqual({ parse: [] });
  expect(body.data.embeds).toHaveLength(1);
  const seen = visibleText(body.data.embeds[0].description);
  expect(snippets.length).toBeGreaterThan(0);
  for (const s of snippets) {
    // Verbatim against the corpus file itself, not just the engine's copy.
    expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    // Citations show a descriptive title without its "(untitled blog post)" mark.
    expect(seen).toContain(`${s.article.title.replace(/ \(untitled blog post\)$/, '')} · ${s.article.kind}`);
    expect(seen).toContain(`¶\u00a0${s.paragraph}`);
  }
}

describe('answer commands', () => {
  it('/who quotes the sources verbatim with citations, publicly, mentioning nobody', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expectVerbatimAnswer(body, expectedSnippets('who', 'Helal Abbas'));
    expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    // The person's name is bolded where the engine marked it.
    expect(body.data.embeds[0].description).toContain('**Helal Abbas**');
    expect(body.data.flags ?? 0).toBe(0);
    expect(customIds(body.data)).toEqual(expect.arrayContaining(['pin', 'more:who:1:11:0']));
  });

  it('/when quotes the dated passages with the date in bold', async () => {
    const body = await h.interact(slashCommand('when', { event: 'Livingstone readmitted' }));
    const snippets = expectedSnippets('when', 'Livingstone readmitted');
    expectVerbatimAnswer(body, snippets);
    expect(body.data.embeds[0].description).toContain(`**${snippets[0]!.date!.text}**`);
  });

  it('/quote with a topic quotes the speaker and names them', async () => {
    const body = await h.interact(slashCommand('quote', { speaker: 'Tom Harris', about: 'Livingstone' }));
    expectVerbatimAnswer(body, expectedSnippets('quote', 'Tom Harris', 'Livingstone'));
    expect(body.data.embeds[0].title).toBe('What did Tom Harris say about Livingstone?');
    // The title names the speaker; the label does not repeat it before every quotation.
    expect(body.data.embeds[0].description).toMatch(/^> /);
    expect(body.data.embeds[0].description).not.toContain('Tom Harris, in');
  });

  it('/ask routes a free question and says how it was answered', async () => {
    const body = await h.interact(slashCommand('ask', { question: 'when was Livingstone readmitted?' }));
    expectVerbatimAnswer(body, expectedSnippets('ask', 'when was Livingstone readmitted?'));
    expect(body.data.embeds[0].footer.text).toContain('answered as /when');
  });

  it('private: true makes the answer ephemeral and offers no Pin', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas', private: true }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    expect(customIds(body.data)).not.toContain('pin');
  });

  it('an abstention says "not in the sources" once, with one line of reason', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Napoleon Bonaparte' }));
    const embed = body.data.embeds[0];
    const answer = h.engine.answer({ command: 'who', query: 'Napoleon Bonaparte' });
    expect(embed.title).toBe('Who is Napoleon Bonaparte?');
    expect(embed.description.split('\n')[0]).toBe(answer.reason);
    expect(embed.footer.text).not.toContain('Napoleon');
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('echoed user text can neither ping nor format', async () => {
    const body = await h.interact(slashCommand('who', { name: '@everyone **loud** <@123>' }));
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const { footer, ...rendered } = body.data.embeds[0];
    expect(JSON.stringify(rendered)).not.toMatch(/@everyone|<@123>|\*\*loud/);
    // Footers show plain text (no markdown), so only the mention needs breaking there.
    expect(footer.text).not.toMatch(/@everyone|<@123>/);
    expect(body.data.embeds[0].title).toBe('Who is @\u200beveryone \\*\\*loud\\*\\* \\<@\u200b123>?');
  });

  it('a question that cannot be searched gets the engine message, ephemerally, and is not logged as a fault', async () => {
    const body = await h.interact(slashCommand('ask', { question: '!!! ???' }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('The question has no words to search for.');
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('what people type', () => {
  it.each([
    ['U+061C arabic letter mark', '\u061c'],
    ['U+00AD soft hyphen', '\u00ad'],
    ['U+180E mongolian vowel separator', '\u180e'],
    ['U+3164 hangul filler', '\u3164'],
    ['U+E0041 tag letter', '\u{e0041}'],
    ['U+E007F cancel tag', '\u{e007f}'],
    ['U+200B zero-width space', '\u200b'],
  ])('invisible characters (%s) are refused like the others', async (_, ch) => {
    const body = await h.interact(slashCommand('who', { name: `Ken${ch}Livingstone` }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('The name contains invisible or control characters; please type it again as plain text.');
  });

  it('a question over the limit is told "at most 300 characters"', async () => {
    const body = await h.interact(slashCommand('ask', { question: 'why '.repeat(76).trim() }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('The question is 303 characters long; please keep it to at most 300 characters.');
  });

  it('a URL typed into a public question is shown, never clickable', async () => {
    const body = await h.interact(slashCommand('ask', { question: 'is https://evil.example/free-nitro about Livingstone?' }));
    expect(body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(body.data.embeds)).not.toMatch(/(?:https?|steam):\/\/[^\s<]+[^<.,:;"')\]\s]/);
    expect(body.data.embeds[0].title.replaceAll('\u200b', '')).toBe('is https://evil.example/free-nitro about Livingstone?');
  });

  it('a long question of emoji and accents is cut between graphemes, and Discord (strict about it) accepts the reply', async () => {
    // (A zero-width joiner counts as an invisible character for the engine, so no ZWJ sequence here.)
    const question = `Livingstone readmitted ${'👍🏽 e\u0301 🇬🇧 '.repeat(21)}`.trim();
    expect(question.length).toBeLessThanOrEqual(300);
    const ask = slashCommand('ask', { question });
    const body = await h.interact(ask);
    // The fake refuses a lone surrogate or an over-long title (50035); this reply was accepted.
    expect(h.replyMessage(ask).embeds[0].title).toBe(body.data.embeds[0].title);
    const title: string = body.data.embeds[0].title;
    expect(title.length).toBeLessThanOrEqual(256);
    expect(title.endsWith('…')).toBe(true);
    const head = title.slice(0, -1);
    expect(question.startsWith(head)).toBe(true);
    const boundaries = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(question)].map((s) => s.index);
    expect(boundaries).toContain(head.length);
  });
});

describe('other commands', () => {
  it('/sources lists every article with its kind', async () => {
    const body = await h.interact(slashCommand('sources'));
    const text = visibleText(body.data.embeds[0].description);
    for (const a of h.engine.articles()) {
      const count = h.engine.paragraphContext(a.id, 1, Infinity)!.paragraphs.length;
      expect(text).toMatch(new RegExp(`${escapeRegExp(a.title)} — ${escapeRegExp(a.kind)}.* · ${count} paragraphs?$`, 'm'));
      if (a.outlet) expect(text).toContain(a.outlet);
      if (a.date) expect(text).toContain(a.date);
    }
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('/help is ephemeral and explains how to check a citation', async () => {
    const body = await h.interact(slashCommand('help', {}, { in: 'dm' }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].description).toContain('Checking a citation');
  });

  it('commands work in a DM with the bot too, without a Pin button', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }, { in: 'dm', user: ALICE }));
    expectVerbatimAnswer(body, expectedSnippets('who', 'Helal Abbas'));
    expect(customIds(body.data)).not.toContain('pin');
  });

  it('used as a user-installed app in a server without the bot, it answers but offers no Pin', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }, { installedBy: 'user' }));
    expectVerbatimAnswer(body, expectedSnippets('who', 'Helal Abbas'));
    expect(customIds(body.data)).not.toContain('pin');
  });
});

describe('autocomplete', () => {
  it('suggests people from the corpus for /who name', async () => {
    const body = await h.interact(autocomplete('who', { name: 'Hel' }, 'name'));
    expect(body.type).toBe(8); // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    const choices: { name: string; value: string }[] = body.data.choices;
    expect(choices.map((c) => c.value)).toContain('Helal Abbas');
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('suggests speakers for /quote speaker, and nothing for options that are not people', async () => {
    const speakers = await h.interact(autocomplete('quote', { speaker: 'Tom' }, 'speaker'));
    expect(speakers.data.choices.map((c: any) => c.value)).toContain('Tom Harris');
    const other = await h.interact(autocomplete('quote', { speaker: 'Tom Harris', about: 'Liv' }, 'about'));
    expect(other.data.choices).toEqual([]);
  });

  it('an empty prefix still answers within 25 choices', async () => {
    const body = await h.interact(autocomplete('who', { name: '' }, 'name'));
    expect(body.data.choices.length).toBeGreaterThan(0);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });
});
