import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { Snippet } from '../../src/answers/types.js';
import { loadCorpus } from '../../src/retrieval/corpus.js';
import { buildIndex, type IndexedQuote, type SearchIndex } from '../../src/retrieval/index.js';
import { CORPUS_DIR, ROOT, allPages, expectVerbatim, loadEngine } from './helpers.js';

let engine: Engine;
let index: SearchIndex;
beforeAll(async () => {
  engine = await loadEngine();
  index = buildIndex(loadCorpus(CORPUS_DIR, ROOT));
});

type Found = IndexedQuote & { text: string };
/** The quotations of an index whose text contains `words` (curly and straight marks included). */
function quotesWith(idx: SearchIndex, words: string): Found[] {
  return idx.data.quotes
    .map((q) => ({ ...q, text: idx.data.articles[q.article]!.text.slice(q.start, q.end) }))
    .filter((q) => q.text.includes(words));
}
function quoteWith(idx: SearchIndex, words: string): Found {
  const found = quotesWith(idx, words);
  expect(found, `a quotation containing "${words}"`).toHaveLength(1);
  return found[0]!;
}

/** Every snippet of every page of `quote SPEAKER [about TOPIC]`. */
function quoted(speaker: string, about?: string): Snippet[] {
  const pages = allPages(engine, about === undefined ? { command: 'quote', query: speaker } : { command: 'quote', query: speaker, about });
  const snippets = pages.flatMap((a) => a.snippets);
  for (const s of snippets) expectVerbatim(s);
  return snippets;
}

describe('attribution on the real corpus (index)', () => {
  it('"X, the Tory MP for ..., said:" — Greg Hands', () => {
    const q = quoteWith(index, "Ken Livingstone's blatant flouting");
    expect(q.person).toBe('greg-hands');
    expect(q.text.startsWith('"')).toBe(true);
  });

  it('"…," said a Labour Party spokesman — an anonymous speaker keeps the article\'s words', () => {
    const q = quoteWith(index, 'I can confirm that eleven members');
    expect(q.person).toBeUndefined();
    expect(q.label).toMatch(/^a Labour Party spokesman$/i);
  });

  it('"…," he said — the nearest person named before it (Mr Livingstone), not one named inside a quote', () => {
    expect(quoteWith(index, 'I was not campaigning for anyone').person).toBe('ken-livingstone');
    expect(quoteWith(index, 'I am disappointed by the way the NEC').person).toBe('ken-livingstone');
  });

  it('a quotation running on into the next paragraph keeps its speaker', () => {
    expect(quoteWith(index, 'Rahman asked me to appear with him').person).toBe('ken-livingstone');
    expect(quoteWith(index, 'The longer his expulsion is delayed').person).toBe('greg-hands');
    expect(quoteWith(index, 'What I suspect will actually happen').person).toBe('tom-harris');
    expect(quoteWith(index, 'my position is clear').person).toBe('ken-livingstone');
    const spokesman = quoteWith(index, 'But the bottom line is');
    expect(spokesman.person).toBeUndefined();
    expect(spokesman.label).toMatch(/Labour spokesman/i);
  });

  it('anonymous speakers: one Labour councillor, the source, one Labour MP, a shadow minister', () => {
    expect(quoteWith(index, 'Both Josh Peck and Chris Weavers').label).toMatch(/^one Labour councillor$/i);
    expect(quoteWith(index, 'He has refused. Instead').label).toMatch(/^one Labour councillor$/i);
    expect(quoteWith(index, 'People have to realise').label).toMatch(/^the source$/i);
    expect(quoteWith(index, 'clear Livingstone has broken the rules').label).toMatch(/^one Labour MP$/i);
    expect(quoteWith(index, 'You’d have thought Ed').label).toMatch(/^a shadow minister$/i);
    for (const w of ['Both Josh Peck', 'People have to realise', 'broken the rules', 'You’d have thought Ed']) expect(quoteWith(index, w).person).toBeUndefined();
  });

  it('a statement printed without quote marks: "Here\'s Ken\'s statement in full:" + "by Ken Livingstone"', () => {
    const st = index.data.articles.findIndex((a) => a.ref.id === 'livingstone-statement-in-full');
    const text = index.data.articles[st]!.text;
    const from = text.indexOf('by Ken Livingstone') + 'by Ken Livingstone'.length;
    // Every body sentence after the byline is Ken Livingstone's, marked as unmarked quotation.
    const after = index.data.passages.filter((p) => p.article === st && p.start > from);
    expect(after.length).toBeGreaterThan(10);
    for (const p of after) {
      const q = index.data.quotes.find((x) => x.article === st && x.start <= p.start && x.end >= p.end);
      expect(q?.person, text.slice(p.start, p.end)).toBe('ken-livingstone');
      expect(q?.unmarked).toBe(true);
    }
    // The introduction itself is not part of the statement.
    expect(quotesWith(index, 'Here’s Ken’s statement')).toEqual([]);
  });

  it('"Here is a snippet:" after "an article by Ken Livingstone" introduces his words', () => {
    const q = quotesWith(index, 'there must be no wave of expulsions').find((x) => index.data.articles[x.article]!.ref.id === 'councillors-expelled');
    expect(q?.person).toBe('ken-livingstone');
    // ...but the blogger's reply right after it is not.
    expect(quotesWith(index, 'This is pure self interest')).toEqual([]);
  });

  it('people merely mentioned inside a quotation are not its speaker', () => {
    for (const [words, notSpeaker] of [
      ["Ken Livingstone's blatant flouting", 'ken-livingstone'],
      ['Ken will mount his defence', 'ken-livingstone'],
      ['Ken is our candidate', 'ken-livingstone'],
      ['clear Livingstone has broken the rules', 'ken-livingstone'],
      ['Just two weeks ago, Ken campaigned', 'ken-livingstone'],
      ['get Abbas elected', 'helal-abbas'],
    ] as const) {
      expect(quoteWith(index, words).person, words).not.toBe(notSpeaker);
    }
  });

  it('scare quotes have no speaker', () => {
    // 'lately paid council “adviser,” Gulam Robbani', 'supposedly to “keep the Tories out”', 'Abul “Abs” Hussain'
    expect(quotesWith(index, '“adviser,”')).toEqual([]);
    expect(quotesWith(index, 'keep the Tories out”')).toEqual([]);
    expect(quotesWith(index, '“Abs”')).toEqual([]);
  });

  it('every quotation span is inside one article\'s body and starts at a quote mark unless unmarked', () => {
    for (const q of index.data.quotes) {
      const a = index.data.articles[q.article]!;
      const text = a.text.slice(q.start, q.end);
      expect(a.paragraphs.some((p) => p.start <= q.start && q.start < p.end)).toBe(true);
      if (!q.unmarked) expect(text[0]).toMatch(/["“]/);
      expect(q.label.trim()).not.toBe('');
    }
  });
});

describe('quote command on the real corpus', () => {
  it('quote Ken Livingstone never returns words of people who only mention him', () => {
    const snippets = quoted('Ken Livingstone');
    expect(snippets.length).toBeGreaterThanOrEqual(3);
    for (const s of snippets) {
      for (const other of ['blatant flouting', 'Ken will mount his defence', 'Ken is our candidate', 'broken the rules', 'Just two weeks ago, Ken', 'I can confirm', 'most important election']) {
        expect(s.text, other).not.toContain(other);
      }
      // His own words carry his name; a writer's report of them does not, and marks the quoted part.
      if (!s.speaker) expect(s.highlights.some((h) => h.label === 'quote')).toBe(true);
    }
  });

  it("a narrator's report of what someone said never carries the speaker's name", () => {
    // The blogger's sentence quotes three words of Ken's inside a report of his speeches.
    const report = quoted('Ken Livingstone', 'Manchester').filter((s) => s.text.includes('In Manchester, he said'));
    expect(report).toHaveLength(1);
    expect(report[0]!.speaker).toBeUndefined();
    expect(report[0]!.highlights.some((h) => h.label === 'quote')).toBe(true);
  });

  it('quote Greg Hands returns his words, which mention Ken Livingstone', () => {
    const [top] = quoted('Greg Hands');
    expect(top?.text).toMatch(/blatant flouting|longer his expulsion/);
    expect(top?.speaker).toMatch(/Greg Hands/);
  });

  it('anonymous speakers can be asked for by their description', () => {
    const councillor = engine.answer({ command: 'quote', query: 'one Labour councillor' });
    expect(councillor.abstained).toBe(false);
    expect(councillor.snippets[0]!.text).toMatch(/Josh Peck|He has refused/);
    const source = engine.answer({ command: 'quote', query: 'the source' });
    expect(source.snippets[0]!.text).toContain('People have to realise');
    const spokesman = engine.answer({ command: 'quote', query: 'Labour spokesman' });
    expect(spokesman.snippets.length).toBeGreaterThan(0);
    for (const s of spokesman.snippets) expect(s.speaker).toMatch(/Labour (Party )?spokesman/i);
  });

  it('the unmarked statement answers quote Ken Livingstone about its topic', () => {
    const snippets = quoted('Ken Livingstone', 'Conservatives won seats on the council');
    expect(snippets[0]?.file).toBe('corpus/livingstone-statement-in-full.txt');
    expect(snippets[0]?.text).toContain('Conservatives have already won seats');
  });

  it('quote Jim Fitzpatrick and Oona King: reported phrase and introduced quotation', () => {
    expect(quoted('Jim Fitzpatrick')[0]?.text).toContain('extremely disturbing');
    expect(quoted('Oona King')[0]?.text).toContain('most important election');
  });

  it('a known person who is never quoted, and an unknown person, abstain', () => {
    expect(engine.answer({ command: 'quote', query: 'David Cameron' }).abstained).toBe(true);
    const helal = engine.answer({ command: 'quote', query: 'Helal Abbas' });
    expect(helal.abstained).toBe(true);
  });
});

describe('attribution on a made-up article', () => {
  const TEXT = [
    'Library closure sparks anger',
    'The council voted last night to close the central library, ending ninety years of service.',
    'Councillor Amina Patel said: "This is a sad day for the town. We will fight on."',
    '"The library has served us for ninety years," she said. "Closing it is a mistake.',
    '"We will take this to court if we have to."',
    '"We had no choice," said a council spokeswoman.',
    'The leader, Peter Smith, called the protesters "troublemakers" in a letter to residents.',
    'Tariq Ahmed, the group\'s treasurer, said: "Peter Smith has let everyone down."',
    "Here is the council's statement in full:",
    'by Peter Smith',
    'The budget leaves us no room at all this year. We regret the closure.',
  ].join('\n\n');
  let made: SearchIndex;
  beforeAll(() => {
    made = buildIndex([{ ref: { id: 'made-up', file: 'made-up.txt', title: 'Library closure sparks anger', kind: 'news report' }, text: TEXT }]);
  });

  it('"X said:" and "she said" go to the named councillor', () => {
    expect(quoteWith(made, 'This is a sad day').person).toBe('amina-patel');
    expect(quoteWith(made, 'served us for ninety years').person).toBe('amina-patel');
  });

  it('a quotation left open at the end of a paragraph runs on into the next', () => {
    expect(quoteWith(made, 'Closing it is a mistake').person).toBe('amina-patel');
    expect(quoteWith(made, 'take this to court').person).toBe('amina-patel');
  });

  it('"said a council spokeswoman": anonymous, labelled as written', () => {
    const q = quoteWith(made, 'We had no choice');
    expect(q.person).toBeUndefined();
    expect(q.label).toBe('a council spokeswoman');
  });

  it('a scare quote has no speaker; a person named inside a quote is not its speaker', () => {
    expect(quotesWith(made, 'troublemakers')).toEqual([]);
    expect(quoteWith(made, 'has let everyone down').person).toBe('tariq-ahmed');
  });

  it('a statement in full after a byline is the byline\'s author\'s, without quote marks', () => {
    for (const w of ['The budget leaves us no room', 'We regret the closure']) {
      const q = quoteWith(made, w);
      expect(q.person).toBe('peter-smith');
      expect(q.unmarked).toBe(true);
    }
    expect(quotesWith(made, "council's statement in full")).toEqual([]);
  });
});
