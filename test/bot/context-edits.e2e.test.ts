/**
 * Context buttons through the real discord.js client and the fake Discord, over a corpus that is not
 * the bundled one: odd file names the corpus accepts (`a:b.txt`, `.txt`) work in every button, and
 * after an edit moves or changes the cited passage, an old button says so instead of showing another
 * paragraph marked as cited.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveEngine } from '../../src/runtime/live.js';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';
import { buttonClick, customIds, slashCommand } from '../fake-discord/payloads.js';
import { startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;
const quiet = { info: () => {}, error: () => {} };

let root: string;
let h: Harness<LiveEngine> | undefined;
let live: LiveEngine | undefined;
afterEach(async () => {
  await h?.stop();
  live?.stop();
  h = live = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** A bot over a copy of the bundled corpus, plus the given extra articles, following it live. */
async function botOver(extra: Record<string, string> = {}): Promise<{ corpus: string; live: LiveEngine; h: Harness<LiveEngine> }> {
  root = mkdtempSync(join(tmpdir(), 'affair-ctx-'));
  const corpus = join(root, 'corpus');
  cpSync(join(PROJECT_ROOT, 'corpus'), corpus, { recursive: true });
  for (const [name, text] of Object.entries(extra)) {
    writeFileSync(join(corpus, `${name}.txt`), text);
    writeFileSync(join(corpus, `${name}.meta.json`), JSON.stringify({ title: `Article ${name || '(no name)'}`, kind: 'news report' }));
  }
  live = LiveEngine.start({ root, corpusDir: corpus, log: quiet, debounceMs: 60_000 });
  h = await startHarness({ engine: live });
  return { corpus, live, h };
}

/** Asks /who publicly; returns the answer message as Discord stored it. */
async function ask(harness: Harness<LiveEngine>, name: string) {
  const command = slashCommand('who', { name });
  await harness.interact(command);
  return harness.replyMessage(command);
}

describe('odd file names work in every button', () => {
  it.each([
    ['a:b', 'Jane Doe'],
    ['', 'John Roe'],
  ])('an article named "%s.txt": its Context button shows its cited paragraph', async (name, person) => {
    const text = `Councillor news\n\n${person}, the Labour councillor for Bow West, resigned yesterday over the byelection.\n\nThe group met again on Friday.\n`;
    const { h } = await botOver({ [name]: text });
    const message = await ask(h, person);
    const ids = customIds(message);
    const ctx = ids.find((c) => c.startsWith('ctx:0:'));
    expect(ctx, JSON.stringify(ids)).toBeDefined();
    const body = await h.interact(buttonClick(ctx!, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds?.[0]?.title, body.data.content).toBe(`Article ${name || '(no name)'}`);
    expect(visibleText(body.data.embeds[0].description)).toContain(`${person}, the Labour councillor for Bow West`);
    expect(body.data.embeds[0].description).toMatch(/\(cited\)/);
  });
});

describe('old Context buttons after an edit', () => {
  it('a paragraph inserted above the cited one: the old button says the passage changed, marks nothing as cited', async () => {
    const { live, h } = await botOver();
    const message = await ask(h, 'Helal Abbas');
    const cited = live.answer({ command: 'who', query: 'Helal Abbas' }).snippets[0]!;
    const ctx = customIds(message).find((c) => c.startsWith('ctx:0:'))!;

    // Before the edit the button shows the cited passage (control).
    let body = await h.interact(buttonClick(ctx, message));
    expect(visibleText(body.data.embeds[0].description)).toContain(cited.text);

    const path = join(root, cited.file);
    const text = readFileSync(path, 'utf8');
    const paragraph = live.paragraphContext(cited.article.id, cited.paragraph, 0)!.paragraphs[0]!;
    writeFileSync(path, `${text.slice(0, paragraph.start)}An editor added this paragraph above the cited one.\n\n${text.slice(paragraph.start)}`);
    expect(live.reload()).toBe(true);

    body = await h.interact(buttonClick(ctx, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds ?? []).toEqual([]);
    expect(body.data.content).toMatch(/passage this answer cited has changed/);
  });

  it('an edit earlier in the article that only shifts the offsets leaves the old button working', async () => {
    const { live, h } = await botOver();
    const message = await ask(h, 'Helal Abbas');
    const cited = live.answer({ command: 'who', query: 'Helal Abbas' }).snippets[0]!;
    const ctx = customIds(message).find((c) => c.startsWith('ctx:0:'))!;
    const path = join(root, cited.file);
    const text = readFileSync(path, 'utf8');
    // A word added inside the text before the cited passage, in the same paragraph or an earlier one.
    const at = text.lastIndexOf(' ', cited.start - 1);
    expect(at).toBeGreaterThan(0);
    writeFileSync(path, `${text.slice(0, at)} indeed${text.slice(at)}`);
    expect(live.reload()).toBe(true);
    expect(live.answer({ command: 'who', query: 'Helal Abbas' }).snippets[0]!.start).toBe(cited.start + ' indeed'.length);
    const body = await h.interact(buttonClick(ctx, message));
    expect(visibleText(body.data.embeds[0].description)).toContain(cited.text);
    expect(body.data.embeds[0].description).toContain(`**¶\u00a0${cited.paragraph} (cited)**`);
  });

  it('an edit elsewhere in the article, after the cited passage, leaves the old button working', async () => {
    const { live, h } = await botOver();
    const message = await ask(h, 'Helal Abbas');
    const cited = live.answer({ command: 'who', query: 'Helal Abbas' }).snippets[0]!;
    const ctx = customIds(message).find((c) => c.startsWith('ctx:0:'))!;
    const path = join(root, cited.file);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n\nA correction was appended at the end of the article.\n`);
    expect(live.reload()).toBe(true);
    const body = await h.interact(buttonClick(ctx, message));
    expect(visibleText(body.data.embeds[0].description)).toContain(cited.text);
    expect(body.data.embeds[0].description).toContain(`**¶\u00a0${cited.paragraph} (cited)**`);
  });
});
