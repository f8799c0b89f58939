/** Rendering of checked claims and timelines (pure, against fixtures). */
import { describe, expect, it } from 'vitest';
import { decodeButton } from '../../src/bot/custom-ids.js';
import { readRequest, renderAnswer, UNDATED_HEADING } from '../../src/bot/render.js';
import { answer, snippet } from './fixtures.js';
import { visibleText } from './visible.js';

describe('a checked claim', () => {
  const claim = 'ken was readmitted in 2008';
  const checked = answer(
    [
      snippet('He was readmitted to the party in 2004.', { stance: 'contradicts' }),
      snippet('Mr Livingstone was expelled in 2000.', { start: 300, stance: 'context' }),
    ],
    { command: 'check', answeredAs: 'check', query: claim },
  );

  it('labels each passage with its stance, quoted verbatim and cited', () => {
    const payload = renderAnswer(checked, { pinnable: true, articleCount: 5 });
    expect(payload.embeds![0]).toEqual({
      title: `Check: ${claim}`,
      description:
        '> He was readmitted to the party in 2004.\n' +
        '**[1]** ❌ **contradicts** · *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a03\n\n' +
        '> Mr Livingstone was expelled in 2000.\n' +
        '**[2]** ➖ context · *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a03',
      color: 0x3b6ea5,
      // The title states the request (Share and More read it back); the footer names the command.
      footer: { text: '/check' },
    });
    const states = payload.components![0]!.components.map((b: any) => decodeButton(b.custom_id));
    expect(states.map((b: any) => b && (b.kind === 'context' ? `${b.kind}:${b.index}:${b.articleId}:${b.paragraph}` : b.kind))).toEqual([
      'context:0:town-hall-report:3',
      'context:1:town-hall-report:3',
      'pin',
    ]);
    expect(payload.components![0]!.components.map((b: any) => b.label)).toEqual(['Context 1', 'Context 2', 'Pin']);
  });

  it('a private answer offers Share instead of Pin, and Share reads the claim back from the footer', () => {
    const payload = renderAnswer(checked, { pinnable: false, ephemeral: true, shareable: true, articleCount: 5 });
    expect(payload.ephemeral).toBe(true);
    const ids = payload.components![0]!.components.map((b: any) => b.custom_id as string);
    expect(ids).not.toContain('pin');
    const share = decodeButton(ids.find((id) => id.startsWith('share:'))!);
    expect(share).toEqual({ kind: 'share', command: 'check', queryLength: claim.length, aboutLength: 0 });
    if (share?.kind !== 'share') throw new Error('not a share button');
    expect(readRequest(payload.embeds![0]!.title!, payload.embeds![0]!.footer!.text, 'check', share.queryLength, share.aboutLength)).toEqual({ query: claim });
  });

  it('a claim the sources do not address says so', () => {
    const none = answer([], { command: 'check', answeredAs: 'check', query: 'ken lost to boris in 2012', abstained: true, reason: 'The sources don’t address this.' });
    const payload = renderAnswer(none, { pinnable: true, articleCount: 5 });
    expect(payload.embeds![0]!.title).toBe('Check: ken lost to boris in 2012');
    expect(payload.embeds![0]!.description).toBe('The sources don’t address this.');
    expect(payload.components).toEqual([]);
  });
});

describe('a timeline page', () => {
  const dated = snippet('He was readmitted to the party in 2004, allowing him to stand.', { date: { text: '2004', start: 134, end: 138, resolved: '2004' } });
  const undated = snippet('The news was delivered tonight.', { start: 500, date: { text: 'tonight', start: 523, end: 530, undated: true } });

  it('bolds each date expression, gives the resolved date, and heads the undated entries once', () => {
    const page = answer([dated, undated], { command: 'timeline', answeredAs: 'timeline', query: '', hasMore: true });
    const payload = renderAnswer(page, { pinnable: false, articleCount: 5 });
    const embed = payload.embeds![0]!;
    expect(embed.title).toBe('Timeline of the sources');
    expect(embed.description).toBe(
      '> He was readmitted to the party in **2004**, allowing him to stand.\n' +
        '**[1]** 2004 · *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a03\n\n' +
        `${UNDATED_HEADING}\n` +
        '> The news was delivered **tonight**.\n' +
        '**[2]** *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a03',
    );
    expect(visibleText(embed.description!)).toContain(undated.text);
    expect(embed.footer!.text).toBe('/timeline');
    const more = payload.components![0]!.components.map((b: any) => b.custom_id as string).find((id) => id.startsWith('more:'))!;
    const state = decodeButton(more);
    expect(state).toEqual({ kind: 'more', command: 'timeline', page: 1, queryLength: 0, aboutLength: 0 });
    expect(readRequest(embed.title!, embed.footer!.text, 'timeline', 0, 0)).toEqual({ query: '' });
  });

  it('a topic is in the title, which More reads back', () => {
    const payload = renderAnswer(answer([dated], { command: 'timeline', answeredAs: 'timeline', query: 'Livingstone' }), { pinnable: false, articleCount: 5 });
    expect(payload.embeds![0]!.title).toBe('Timeline: Livingstone');
    expect(readRequest(payload.embeds![0]!.title!, payload.embeds![0]!.footer!.text, 'timeline', 'Livingstone'.length, 0)).toEqual({ query: 'Livingstone' });
  });
});
