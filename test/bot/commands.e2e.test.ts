import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { slashCommand } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

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
  expect(body.type).toBe(4);
  expect(body.data.allowed_mentions).toEqual({ parse: [] });
  expect(body.data.embeds).toHaveLength(1);
  const description: string = body.data.embeds[0].description;
  const seen = visibleText(description);
  expect(snippets.length).toBeGreaterThan(0);
  for (const s of snippets) {
    // Verbatim against the corpus file itself, not just the engine's copy.
    expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(seen).toContain(`${s.article.title}`);
    expect(seen).toContain(`¶ ${s.paragraph}`);
  }
}

describe('slash commands through the real client', () => {
  it('/who answers with verbatim, cited snippets and mentions nobody', async () => {
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expectVerbatimAnswer(body, expectedSnippets('who', 'Helal Abbas'));
    expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    expect(body.data.flags ?? 0).toBe(0); // public by default
  });
});
