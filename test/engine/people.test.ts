import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { loadCorpus } from '../../src/retrieval/corpus.js';
import { buildIndex, type SearchIndex } from '../../src/retrieval/index.js';
import { findPeople, type SentenceText } from '../../src/retrieval/people.js';
import { CORPUS_DIR, ROOT, expectVerbatim, loadEngine } from './helpers.js';

let engine: Engine;
let index: SearchIndex;
beforeAll(async () => {
  engine = await loadEngine();
  index = buildIndex(loadCorpus(CORPUS_DIR, ROOT));
});

/** The person `who QUERY` resolves to (undefined when it abstains). */
function whoIs(query: string): { id: string; name: string } | undefined {
  const a = engine.answer({ command: 'who', query });
  if (a.abstained) {
    expect(a.snippets).toEqual([]);
    return undefined;
  }
  for (const s of a.snippets) expectVerbatim(s);
  return a.person;
}

const allText = () => index.data.articles.map((a) => a.text).join('\n');

describe('aliases: one person per name, across all articles', () => {
  it('"Ken", "Livingstone", "Mr Livingstone", "Ken Livingstone" are one person; "Ken Clark" is another', () => {
    const ken = whoIs('Ken Livingstone');
    expect(ken?.name).toBe('Ken Livingstone');
    for (const q of ['Ken', 'Livingstone', 'Mr Livingstone', 'ken livingstone', 'KEN LIVINGSTONE']) expect(whoIs(q), q).toEqual(ken);
    const clark = whoIs('Ken Clark');
    expect(clark?.name).toBe('Ken Clark');
    expect(clark?.id).not.toBe(ken?.id);
  });

  it('"Lutfur", "Mr Rahman" are Lutfur Rahman; "Oli Rahman" is someone else', () => {
    const lutfur = whoIs('Lutfur Rahman');
    expect(lutfur?.name).toBe('Lutfur Rahman');
    for (const q of ['Lutfur', 'Mr Rahman', 'Rahman']) expect(whoIs(q), q).toEqual(lutfur);
    const oli = whoIs('Oli Rahman');
    expect(oli?.name).toBe('Oli Rahman');
    expect(oli?.id).not.toBe(lutfur?.id);
  });

  it('who "Ken Clark" shows sentences about Ken Clark, never ones that only name Ken Livingstone', () => {
    const a = engine.answer({ command: 'who', query: 'Ken Clark' });
    expect(a.snippets.length).toBeGreaterThan(0);
    for (const s of a.snippets) expect(s.text).toContain('Clark');
  });

  it('who "Ken Livingstone" shows no sentence whose only "Ken" is Ken Clark', () => {
    const a = engine.answer({ command: 'who', query: 'Ken Livingstone' });
    expect(a.snippets.length).toBeGreaterThan(0);
    for (const s of a.snippets) expect(s.text.replace(/Ken Clark/g, '')).toMatch(/Ken|Livingstone/);
  });

  it('in the index, every mention of Ken Livingstone is written as one of his names, and Ken Clark is never him', () => {
    const { passages, articles } = index.data;
    const forms = new Set<string>();
    for (const p of passages) {
      const text = articles[p.article]!.text;
      for (const m of p.mentions) {
        const written = text.slice(m.start, m.end);
        if (m.person === 'ken-livingstone') forms.add(written);
        if (written.includes('Clark')) expect(m.person).not.toBe('ken-livingstone');
      }
    }
    expect([...forms].sort()).toEqual(expect.arrayContaining(['Ken', 'Ken Livingstone', 'Livingstone', 'Mr Livingstone']));
    for (const f of forms) expect(['Ken', 'Livingstone', 'Mr Livingstone', 'Ken Livingstone']).toContain(f);
  });
});

describe('surname-sharing people are not confused', () => {
  it('the corpus really names several councillors called Khan', () => {
    expect(allText().match(/\b\p{Lu}\p{Ll}+ Khan\b/gu)?.length).toBeGreaterThanOrEqual(3);
  });

  it('who "Sadiq Khan" and who "Imran Khan" abstain', () => {
    for (const q of ['Sadiq Khan', 'Imran Khan']) {
      const a = engine.answer({ command: 'who', query: q });
      expect(a.abstained, q).toBe(true);
      expect(a.reason).toBeTruthy();
    }
  });

  it('quote "Sadiq Khan" and ask "Who is Imran Khan?" abstain as well', () => {
    expect(engine.answer({ command: 'quote', query: 'Sadiq Khan' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'Who is Imran Khan?' }).abstained).toBe(true);
  });

  it('a bare "Khan" names no one in particular, while a full councillor\'s name does', () => {
    expect(whoIs('Khan')).toBeUndefined();
    expect(whoIs('Rania Khan')?.name).toBe('Rania Khan');
    expect(whoIs('Rabina Khan')?.name).toBe('Rabina Khan');
  });
});

describe('what is not a person', () => {
  it('"Chelsea" and "Will" are in the text but are not people', () => {
    expect(allText()).toMatch(/\bChelsea\b/);
    expect(allText()).toMatch(/\bWill Livingstone\b/);
    expect(whoIs('Chelsea')).toBeUndefined();
    expect(whoIs('Will')).toBeUndefined();
    expect(engine.people('Chelsea')).toEqual([]);
    expect(engine.people('Will')).toEqual([]);
  });

  it('places and organisations are not people', () => {
    const names = index.data.persons.map((p) => p.name);
    for (const n of ['Tower Hamlets', 'Labour Party', 'Roman Road', 'Evening Standard', 'Socialist Unity', 'Chelsea', 'Fulham', 'Spitalfields', 'City Hall', 'East End']) {
      expect(names, n).not.toContain(n);
    }
    for (const n of names) expect(n).not.toMatch(/^Will\b|\bChelsea\b/);
  });

  it('finds the people these articles name, including non-Anglo names', () => {
    const names = index.data.persons.map((p) => p.name);
    for (const n of [
      'Lutfur Rahman',
      'Helal Abbas',
      'Oona King',
      'Gulam Robbani',
      'Ala Uddin',
      'Abul Hussain',
      'Greg Hands',
      'Tom Harris',
      'Jim Fitzpatrick',
      'Lutfa Begum',
      'Alibor Choudhury',
      'Ohid Ahmed',
      'Shelina Aktar',
      'Ed Miliband',
    ]) {
      expect(names, n).toContain(n);
    }
  });
});

describe('typos, possessives and apostrophes in queries', () => {
  it('misspelt names find the right person', () => {
    expect(whoIs('Lutfur Rahmen')?.name).toBe('Lutfur Rahman');
    expect(whoIs('ken livingston')?.name).toBe('Ken Livingstone');
    expect(whoIs('Helal Abas')?.name).toBe('Helal Abbas');
  });

  it('possessives with straight, curly and opening-quote apostrophes', () => {
    for (const q of ['Livingstone’s', "Livingstone's", 'Livingstone‘s', 'Ken Livingstone’s']) expect(whoIs(q)?.name, q).toBe('Ken Livingstone');
    expect(whoIs('Rahman’s')?.name).toBe('Lutfur Rahman');
  });

  it('a name that is close to no one abstains instead of guessing', () => {
    expect(whoIs('Theresa May')).toBeUndefined();
    expect(whoIs('Gordon Brown')).toBeUndefined();
  });
});

describe('findPeople on a made-up article', () => {
  const lines = [
    'Councillor Amina Patel said the budget was unfair.',
    'Mrs Patel later added that she would appeal.',
    "Tariq Ahmed, the group's treasurer, disagreed.",
    'The meeting was held in Bethnal Green and ended early.',
    'Will the council listen?',
    'Sara Ahmed, a local activist, organised the protest.',
    'Mr Ahmed spoke next.',
    'Greg Hands, the Tory MP for Chelsea and Fulham, said it was wrong.',
    'Amina’s speech was cheered.',
  ];
  const text = lines.join(' ');
  let at = 0;
  const sentences: SentenceText[] = lines.map((t) => {
    const s = { article: 'made-up', start: at, end: at + t.length, text: t };
    at += t.length + 1;
    return s;
  });
  const found = findPeople(sentences);
  const mentioned = (i: number) => found.mentions[i]!.map((m) => [m.person, text.slice(m.start, m.end)]);

  it('finds people by title, appositive and role, not places or sentence-initial words', () => {
    expect(found.persons.map((p) => p.name).sort()).toEqual(['Amina Patel', 'Greg Hands', 'Sara Ahmed', 'Tariq Ahmed']);
  });

  it('"Mrs Patel" and a possessive first name resolve to the full name; offsets exclude the possessive', () => {
    expect(mentioned(1)).toEqual([['amina-patel', 'Mrs Patel']]);
    expect(mentioned(8)).toEqual([['amina-patel', 'Amina']]);
  });

  it('"Mr Ahmed", shared by two people mentioned equally, resolves to nobody', () => {
    expect(mentioned(6)).toEqual([]);
  });

  it('no mention in a sentence about a place or starting with "Will"', () => {
    expect(mentioned(3)).toEqual([]);
    expect(mentioned(4)).toEqual([]);
  });
});
