/**
 * /check on the real corpus: the claims fixtures scored as the shared scorer scores them, the
 * mechanisms one by one (negation, numbers, roles, reported speech, two assertions), and a property:
 * any claim is answered with verbatim, labelled snippets or refused.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { type Answer, UserInputError } from '../../src/answers/types.js';
import { corpusFiles, expectVerbatim, fileText, loadEngine } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
}, 60_000);

/** Every snippet of a check, all pages (what the batch protocol prints). */
function check(claim: string): Answer {
  const first = engine.answer({ command: 'check', query: claim });
  const snippets = [...first.snippets];
  for (let page = 1, last = first; last.hasMore; page++) {
    last = engine.answer({ command: 'check', query: claim, page });
    snippets.push(...last.snippets);
  }
  return { ...first, snippets };
}

interface Claim {
  id: string;
  claim: string;
  stance: 'supports' | 'contradicts' | null;
  expect: string[];
  abstain?: boolean;
}

const norm = (s: string) =>
  s.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ').trim();

/** The scorer's rules (../shared/qa/score-claims.mjs): the first answer that is not context decides. */
function score(file: string) {
  const claims: Claim[] = readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  let addressed = 0, evidence = 0, stance = 0, refusals = 0, unaddressed = 0, falseSupports = 0;
  const misses: string[] = [];
  for (const c of claims) {
    const a = check(c.claim);
    for (const s of a.snippets) expectVerbatim(s);
    const decisive = a.snippets.find((s) => s.stance !== 'context');
    const pick = decisive ?? a.snippets[0];
    if ((c.abstain || c.stance === 'contradicts') && decisive?.stance === 'supports') falseSupports++;
    if (c.abstain) {
      unaddressed++;
      if (a.abstained || a.snippets.length === 0) refusals++;
      else misses.push(`${c.id} answered`);
      continue;
    }
    addressed++;
    if (a.abstained) {
      misses.push(`${c.id} refused`);
      continue;
    }
    const ev = !!pick && c.expect.some((e) => norm(pick.text).includes(norm(e)));
    const st = pick?.stance === c.stance;
    if (ev) evidence++;
    if (st) stance++;
    if (!ev || !st) misses.push(`${c.id} ${ev ? '' : 'evidence '}${st ? '' : `stance ${pick?.stance}`}`);
  }
  return {
    evidence: evidence / addressed,
    stance: stance / addressed,
    refusals: refusals / unaddressed,
    evidenceN: evidence,
    stanceN: stance,
    refusalsN: refusals,
    addressed,
    unaddressed,
    falseSupports,
    misses,
  };
}

describe('claims fixtures, scored like ../shared/qa/score-claims.mjs', () => {
  it('dev (claims-dev.jsonl): evidence >= 80%, stance >= 75%, refusals >= 9/10, no false support', () => {
    const r = score('claims-dev.jsonl');
    expect(r.falseSupports, r.misses.join('; ')).toBe(0);
    expect(r.evidence, r.misses.join('; ')).toBeGreaterThanOrEqual(0.8);
    expect(r.stance, r.misses.join('; ')).toBeGreaterThanOrEqual(0.75);
    expect(r.refusals, r.misses.join('; ')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('held-out (claims-heldout*.jsonl, 56 claims written before tuning on them, pooled): evidence >= 75%, stance >= 70%, refusals >= 7/8, no false support', () => {
    const rs = ['claims-heldout.jsonl', 'claims-heldout2.jsonl', 'claims-heldout3.jsonl'].map(score);
    const sum = (k: 'evidenceN' | 'stanceN' | 'addressed' | 'refusalsN' | 'unaddressed' | 'falseSupports') => rs.reduce((n, r) => n + r[k], 0);
    const misses = rs.flatMap((r) => r.misses).join('; ');
    expect(sum('falseSupports'), misses).toBe(0);
    expect(sum('evidenceN') / sum('addressed'), misses).toBeGreaterThanOrEqual(0.75);
    expect(sum('stanceN') / sum('addressed'), misses).toBeGreaterThanOrEqual(0.7);
    expect(sum('refusalsN') / sum('unaddressed'), misses).toBeGreaterThanOrEqual(7 / 8);
  }, 120_000);
});

/** The first labelled passage of a check, and its text. */
function verdict(claim: string) {
  const a = check(claim);
  const first = a.snippets.find((s) => s.stance !== 'context');
  return { stance: first?.stance, text: first?.text ?? '', answer: a };
}

describe('what decides a stance', () => {
  it('negation: "decided not to take action" contradicts "took action"; two negations agree', () => {
    expect(verdict('the NEC disputes panel decided to take action against Livingstone')).toMatchObject({ stance: 'contradicts' });
    expect(verdict('the NEC disputes panel decided to take action against Livingstone').text).toContain('decided not to take action');
    expect(verdict('ken said he was not campaigning for anyone in particular')).toMatchObject({ stance: 'supports' });
  });

  it('numbers and years must match: another year for the same event contradicts', () => {
    const v = verdict('livingstone was readmitted to labour in 2008');
    expect(v.stance).toBe('contradicts');
    expect(v.text).toContain('readmitted to the party in 2004');
    expect(verdict('livingstone was readmitted to labour in 2004').stance).toBe('supports');
    expect(verdict('seven councillors were expelled for backing rahman').stance).toBe('contradicts');
  });

  it('roles: the act done by another person contradicts a claim that this person was the one', () => {
    const v = verdict('ken livingstone personally delivered the news of the expulsions to members at the meeting');
    expect(v.stance).toBe('contradicts');
    expect(v.text).toContain('Ken Clark');
    // Someone else expelled from Respect does not say this person was not.
    expect(verdict('andy newman got expelled from respect').stance).toBeUndefined();
  });

  it('a reported claim is supported only by that person saying it', () => {
    expect(verdict('greg hands said ken should be expelled immediately, whatever silly excuses he comes up with')).toMatchObject({ stance: 'contradicts' });
    const right = verdict('tom harris said ken should be expelled immediately whatever silly excuses he comes up with');
    expect(right.stance).toBe('supports');
    expect(right.text).toContain('Tom Harris said on his blog');
  });

  it('a claim with two assertions gets evidence for each', () => {
    const a = check('eleven members were expelled, and livingstone was readmitted to labour in 2004').snippets.filter((s) => s.stance === 'supports');
    expect(a.some((s) => s.text.includes('eleven members'))).toBe(true);
    expect(a.some((s) => s.text.includes('readmitted to the party in 2004'))).toBe(true);
  });

  it('what the sources do not cover is refused, not guessed', () => {
    for (const claim of ['lutfur rahman was born in bangladesh', 'george galloway campaigned for lutfur', 'ken lost the 2012 mayoral election to boris johnson']) {
      const a = check(claim);
      expect(a.abstained, claim).toBe(true);
      expect(a.snippets).toEqual([]);
      expect(a.reason).toBe('The sources don’t address this.');
    }
  });
});

describe('any claim is answered with verbatim, labelled snippets or refused (property)', () => {
  let vocabulary: string[];
  let names: string[];
  beforeAll(() => {
    vocabulary = [...new Set(corpusFiles().flatMap((f) => fileText(f).match(/[\p{L}\p{N}’'-]+/gu) ?? []))];
    names = engine.people('', 1000).map((p) => p.name.toLowerCase());
  });
  const chat = ['lol', 'tbh', 'wasnt', 'didnt', 'u', 'ppl', 'like', 'literally', 'kicked out', 'got the boot', 'backed', 'said that', 'is it true that', 'not', 'never', 'refused', '2004', '2008', '11', 'eight', ',', 'and', '?'];

  it('holds for chat-like claims made of corpus words, names, numbers and slang', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...names), fc.constantFrom(...chat)), { minLength: 1, maxLength: 14 }),
        fc.nat(2),
        (parts, page) => {
          let a: Answer;
          try {
            a = engine.answer({ command: 'check', query: parts.join(' '), page });
          } catch (err) {
            expect(err).toBeInstanceOf(UserInputError);
            return;
          }
          if (a.abstained) {
            expect(a.snippets).toEqual([]);
            expect(a.reason?.length).toBeGreaterThan(0);
            return;
          }
          for (const s of a.snippets) {
            expectVerbatim(s);
            expect(['supports', 'contradicts', 'context']).toContain(s.stance);
          }
          // An answer (first page) leads with evidence that bears on the claim, not with context.
          if (page === 0) expect(a.snippets[0]!.stance).not.toBe('context');
        },
      ),
      { numRuns: 150 },
    );
  }, 180_000);
});
