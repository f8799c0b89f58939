import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, customIds, slashCommand } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Asks /who publicly and returns the answer message as Discord stored it. */
async function publicAnswer(name = 'Helal Abbas') {
  const ask = slashCommand('who', { name });
  await h.interact(ask);
  return h.replyMessage(ask);
}

describe('Context button', () => {
  it('shows the cited paragraph whole, with its neighbours and citation, only to the clicker', async () => {
    const message = await publicAnswer();
    const [first] = h.engine.answer({ command: 'who', query: 'Helal Abbas' }).snippets;
    const id = customIds(message).find((c) => c.startsWith('ctx:0:'))!;
    const body = await h.interact(buttonClick(id, message));

    expect(body.data.flags).toBe(EPHEMERAL);
    const embed = body.data.embeds[0];
    expect(embed.title).toBe(first!.article.title);
    const ctx = h.engine.paragraphContext(first!.article.id, first!.paragraph, 1)!;
    const seen = visibleText(embed.description);
    for (const p of ctx.paragraphs) expect(seen).toContain(corpusText(first!.file).slice(p.start, p.end));
    expect(ctx.paragraphs.length).toBeGreaterThan(1);
    expect(embed.description).toContain(`**¶\u00a0${first!.paragraph} (cited)**`);
    // Where to find it as a reader would: kind, outlet, date; never an internal file path.
    expect(embed.footer.text).not.toContain(first!.file);
    expect(embed.footer.text).toContain(first!.article.kind);
    if (first!.article.date) expect(embed.footer.text).toContain(first!.article.date);
  });

  it('a context button for a paragraph that no longer exists explains instead of failing', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('ctx:0:3:0:a:AAAAAAAA:no-such-article', message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/no longer in the sources/);
  });
});

describe('More button', () => {
  it('answers with the next page of the same question', async () => {
    const message = await publicAnswer();
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const body = await h.interact(buttonClick(id, message));
    const page2 = h.engine.answer({ command: 'who', query: 'Helal Abbas', page: 1 }).snippets;
    expect(page2.length).toBeGreaterThan(0);
    const seen = visibleText(body.data.embeds[0].description);
    for (const s of page2) expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    expect(body.data.embeds[0].footer.text).toBe('/who · page 2');
    expect(body.data.flags ?? 0).toBe(0);
  });

  it('keeps working after a restart: a fresh bot process reads the state from the message', async () => {
    const message = await publicAnswer();
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const restarted = await startHarness();
    try {
      const body = await restarted.interact(buttonClick(id, message));
      expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
      expect(body.data.embeds[0].footer.text).toBe('/who · page 2');
    } finally {
      await restarted.stop();
    }
  });

  it('continues a question too long for a title: the footer holds only the rest, More still reads it whole', async () => {
    const question =
      'Why was Lutfur Rahman dropped as the Labour candidate for mayor of Tower Hamlets, and what did Ken Livingstone, the former mayor of London, say and do about it during the campaign for the election in October 2010, when the party expelled councillors who supported Rahman against Helal Abbas?';
    const ask = slashCommand('ask', { question });
    await h.interact(ask);
    const message = h.replyMessage(ask);
    const embed = message.embeds[0];
    expect(embed.title.endsWith('…')).toBe(true);
    expect(embed.footer.text).not.toContain(question);
    expect(embed.footer.text.length).toBeLessThan(100);
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const body = await h.interact(buttonClick(id, message));
    const page2 = h.engine.answer({ command: 'ask', query: question, page: 1 }).snippets;
    expect(page2.length).toBeGreaterThan(0);
    const seen = visibleText(body.data.embeds[0].description);
    for (const s of page2) expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(body.data.embeds[0].title).toBe(embed.title);
    expect(body.data.embeds[0].footer.text).toBe(`${embed.footer.text} · page 2`);
  });

  it('continues a private answer privately', async () => {
    const ask = slashCommand('who', { name: 'Ken Livingstone', private: true });
    await h.interact(ask);
    const message = h.replyMessage(ask);
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const body = await h.interact(buttonClick(id, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].title).toBe('Who is Ken Livingstone?');
    expect(body.data.embeds[0].footer.text).toBe('/who · page 2');
  });
});

describe('unknown buttons', () => {
  it('a button from an older version of the bot explains instead of failing', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('page:who:2', message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/older version of the bot/);
  });
});
