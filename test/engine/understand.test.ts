/**
 * The question-understanding step on its own: chat normalisation, question parts and types, the
 * concepts searched with their paraphrases, polarity; then what it changes in answers on the real
 * corpus (roles, yes/no verdicts, refusals with the nearest passage, partial names).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { contrasts, hypothetical, negative } from '../../src/answers/understand/polarity.js';
import { normalise, parseQuestion, questionType } from '../../src/answers/understand/question.js';
import { expectVerbatim, loadEngine } from './helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

describe('normalise', () => {
  it.each([
    ['whats the rule if u back someone', 'what is the rule if you back someone'],
    ['ken wasnt campaigning', 'ken was not campaigning'],
    ["he didn't", 'he did not'],
    ['Who’s John Biggs??', 'who is john biggs?'],
    ['how many ppl got kicked out b4 the vote', 'how many people got kicked out before the vote'],
    ['their 2nd preference', 'their second preference'],
    ['the by election', 'the byelection'],
    ['whyd livingstn turn up', 'why did livingstn turn up'],
    ['wit wis he meant tae huv done', 'what was he meant to have done'],
    ["how'd they decide", 'how did they decide'],
    ['ken didnae want ony o them expelled', 'ken did not want any o them expelled'],
  ])('%s → %s', (raw, expected) => {
    expect(normalise(raw)).toBe(expected);
  });

  it('keeps names and words it has no rule for as typed (lower case)', () => {
    expect(normalise('Lutfar Rahmen')).toBe('lutfar rahmen');
  });
});

describe('question types', () => {
  it.each([
    ['who did lutfur beat', 'who'],
    ['someone said ken had silly excuses, who was that', 'who'],
    ['when did they let ken back in', 'when'],
    ['what date did the nec impose abbas', 'when'],
    ['where did ken go instead', 'where'],
    ['why did labour ditch rahman', 'why'],
    ['how come ken got off', 'why'],
    ['how many councillors got booted', 'count'],
    ['how much did labour win by', 'count'],
    ['can you list the councillors', 'list'],
    ['which mp called for his expulsion', 'which'],
    ['is it true greg hands is a labour mp', 'yesno'],
    ['did the nec do anything', 'yesno'],
    ['ken backed rahman right', 'yesno'],
    ['what voting system was used', 'what'],
    ['how did ken justify turning up with rahman', 'why'],
    ['ngl i dont get why ken got off', 'why'],
    ['whats kens excuse for backing him', 'why'],
  ])('%s → %s', (q, type) => {
    expect(questionType(normalise(q))).toBe(type);
  });
});

describe('parts', () => {
  it('splits two questions joined by "and" and answers each', () => {
    const q = parseQuestion("when's the mayor election and why does the blogger think a tory win is unlikely");
    expect(q.parts.map((p) => p.type)).toEqual(['when', 'why']);
  });

  it('folds a tail that asks nothing of its own into the part before ("... who was that")', () => {
    const q = parseQuestion('was lutfur ever a councillor himself? where');
    expect(q.parts).toHaveLength(1);
    expect(q.parts[0]!.type).toBe('where');
  });

  it('reads a first part that asks nothing as the scene of the question after it, not a tag', () => {
    const [part, ...rest] = parseQuestion('back in 2000 when red ken went independent, who was the official labour guy he beat?').parts;
    expect(rest).toHaveLength(0);
    expect(part!.type).toBe('who');
    expect(part!.context).toContain('independent');
    expect(parseQuestion("miliband's just hiding behind the NEC and saying nothing, isn't he?").parts[0]!.content).toContain('hiding');
  });

  it('reads a time clause before a yes/no as its scene, comma or not', () => {
    const [part, ...rest] = parseQuestion('after all the drama did ken apologise to ed miliband or no').parts;
    expect(rest).toHaveLength(0);
    expect(part!.type).toBe('yesno');
    expect(part!.content).toBe('ken apologise to ed miliband');
  });

  it('reads "when was that and what for" as two questions about the same thing', () => {
    const parts = parseQuestion('hasnt ken been kicked out of labour before?? when was that and what for').parts;
    expect(parts.map((p) => p.type)).toEqual(['when', 'why']);
    expect(parts[1]!.content).toBe(parts[0]!.content);
    expect(parts[0]!.negated).toBe(false);
  });

  it('reads a yes/no offering two one-word answers as a choice, asserting neither', () => {
    const [part] = parseQuestion('did ken tell ppl to put rahman 1st or 2nd').parts;
    expect(part!.choices).toEqual(['first', 'second']);
    expect(part!.content).not.toMatch(/first|second/);
    expect(part!.context).toBe('first second');
    expect(parseQuestion('did labour get legal advice or just wing it').parts[0]!.choices).toBeUndefined();
    const a = engine.answer({ command: 'ask', query: 'wait so did ken tell ppl to put rahman 1st or 2nd??' });
    expect(a.snippets[0]!.text).toContain('second preference');
    expect(a.verdict).toBeUndefined();
    // An answer names one of the answers offered, however many words each has.
    const av = engine.answer({ command: 'ask', query: 'was it fptp or av' });
    expect(av.snippets[0]!.text).toContain('Alternative Vote system');
    expect(av.verdict).toBeUndefined();
    expect(parseQuestion('so were the 8 councillors suspended, warned or expelled?').parts[0]!.choices).toEqual(['suspended', 'warned', 'expelled']);
    expect(parseQuestion('was the mayoral fptp or av? matters for all this 2nd pref nonsense').parts[0]!.choices).toEqual(['first past the post', 'alternative vote']);
  });

  it('keeps a follow-up that asks nothing as context ("? not even a warning like ...")', () => {
    const q = 'so did the nec do anything to ken at all? not even a warning like the councillors got?';
    expect(parseQuestion(q).parts[0]!.context).toContain('warning');
    const a = engine.answer({ command: 'ask', query: q });
    expect(a.snippets[0]!.text).toContain('decided not to take action');
    expect(a.verdict).toBe('otherwise');
  });

  it('keeps a yes/no tail about the answer ("was it close") as context, not as what to find', () => {
    const [part] = parseQuestion('did lutfur actually win in the end and was it close').parts;
    expect(part!.content).not.toContain('close');
    expect(part!.context).toContain('close');
    const a = engine.answer({ command: 'ask', query: 'did lutfur actually win in the end and was it close' });
    expect(a.snippets[0]!.text).toMatch(/beat the official Labour candidate by a landslide|victorious/);
  });

  it('reads "was a tory win ever realistic" as how likely: a judging sentence answers, with no yes or no', () => {
    const [part] = parseQuestion('was there ever a real chance of a tory mayor there tbh').parts;
    expect(part!.likelihood).toBe(true);
    expect(part!.content).not.toMatch(/chance|real/);
    const a = engine.answer({ command: 'ask', query: 'was a tory win even realistic tho' });
    expect(a.snippets[0]!.text).toMatch(/unlikely event|never on the cards/);
    expect(a.verdict).toBeUndefined();
    expect(engine.answer({ command: 'ask', query: 'was there ever a real chance of the tories winning tower hamlets tho' }).snippets[0]!.text).toContain('unlikely event');
    expect(engine.answer({ command: 'ask', query: 'was a tory win even likely tho, sounds like an excuse' }).snippets[0]!.text).toContain('unlikely event');
    // "make certain" judges nothing.
    expect(engine.answer({ command: 'ask', query: 'was there ever a real chance of a tory mayor there tbh' }).snippets[0]!.text).not.toContain('make certain');
  });

  it('reads "... or just <another answer>" in a yes/no as the asker\'s alternative, of any length', () => {
    expect(parseQuestion('did miliband say anything publicly or just hide behind the nec like usual').parts[0]!.content).not.toMatch(/hide|usual/);
  });

  it('reads the asker\'s guess as no part of what to find ("i thought it was oona king", "was it X who ...")', () => {
    expect(engine.answer({ command: 'ask', query: 'who did ken run against back in 2000 when he got kicked out, i thought it was oona king' }).snippets[0]!.text).toContain('Frank Dobson');
    expect(engine.answer({ command: 'ask', query: 'was it diane abbott who said on her blog ken should be expelled straight away' }).snippets[0]!.text).toContain('Tom Harris said on his blog');
    expect(parseQuestion('which mp went to miliband about ken, was it tom harris').parts[0]!.content).not.toContain('harris');
    expect(parseQuestion('i thought the nec did actually discipline ken in the end?').parts[0]!.type).toBe('yesno');
  });

  it('reads the formal register\'s wrappers ("Would I be right in thinking that X", "I gather", "might I ask")', () => {
    expect(parseQuestion('Would I be right in thinking that Mr Livingstone actually went out campaigning alongside Mr Rahman?').parts[0]!.type).toBe('yesno');
    expect(parseQuestion('Where did Mr Livingstone campaign instead, if I have understood the matter correctly?').parts[0]!.content).not.toMatch(/understood|matter/);
    expect(parseQuestion('might I ask what positions they held').parts[0]!.content).not.toContain('ask');
    expect(parseQuestion('On what basis, if I may ask, did the NEC treat his case differently?').parts[0]!.type).toBe('why');
    expect(parseQuestion('I have heard it said that Mr Rahman was nominated by someone expelled from Respect. Is there anything to that?').parts[0]!.type).toBe('yesno');
    // A degree word is no verb the articles lack ("quite plainly broke the rules").
    expect(engine.answer({ command: 'ask', query: 'Am I right in thinking that Mr Livingstone quite plainly broke the rules?' }).snippets.length).toBeGreaterThan(0);
  });

  it('reads a closing "when" clause as the time of the question, not what to find', () => {
    const [part] = parseQuestion('who did ken stand against in 2000 when he went independent').parts;
    expect(part!.content).not.toContain('independent');
    expect(part!.context).toContain('independent');
    expect(engine.answer({ command: 'ask', query: 'who did ken stand against in 2000 when he went independent' }).snippets[0]!.text).toContain('Frank Dobson');
    // What someone said "when asked ..." keeps its occasion.
    expect(parseQuestion('what did labour say when asked if hed be disciplined').parts[0]!.content).toContain('disciplined');
  });

  it('reads "apart from X, who else ..." as a who question, X and "else" no part of what to find', () => {
    const [part] = parseQuestion('apart from lutfur who else got treated badly by the nec').parts;
    expect(part!.type).toBe('who');
    expect(part!.content).not.toMatch(/lutfur|else|apart/);
  });

  it('reads where the asker read it ("according to that rant blog", "the blog says") as context', () => {
    const [part] = parseQuestion('who nominated lutfur according to that rant blog').parts;
    expect(part!.content).toBe('nominated lutfur');
    expect(part!.context).toContain('rant blog');
    expect(engine.answer({ command: 'ask', query: 'who nominated lutfur according to that rant blog' }).snippets[0]!.text).toContain('nominated by Abul');
    expect(parseQuestion('why does the tower hamlets blogger reckon a tory win was never on').parts[0]!.content).not.toContain('blogger');
    expect(parseQuestion('that ranty blog says someone nominated lutfur').parts[0]!.content).not.toContain('blog');
    // Asking which writing said it is no attribution.
    expect(parseQuestion('which blog said lutfur was nominated by someone').parts[0]!.content).toContain('blog');
  });

  it('marks a why that sets two cases against each other', () => {
    expect(parseQuestion('why did the councillors get axed but ken didnt').parts[0]!.contrast).toBe(true);
    expect(parseQuestion('why did the nec treat ken different from the cllrs').parts[0]!.contrast).toBe(true);
    expect(parseQuestion('why did labour ditch rahman').parts[0]!.contrast).toBeUndefined();
    expect(parseQuestion('how come the councillors got expelled but ken got off').parts[0]!.contrast).toBe(true);
    const a = engine.answer({ command: 'ask', query: 'how come the councillors got expelled but ken got off' });
    expect(a.snippets[0]!.text).toContain('drew a distinction between the cases');
    // The cases are its setting, in either order, whatever words they are told in.
    for (const query of ['Why on earth did the disputes panel let Ken off while the councillors were shown the door?', 'why did the 8 councillors get binned but ken didnt, how is that fair']) {
      expect(engine.answer({ command: 'ask', query }).snippets[0]!.text).toContain('drew a distinction between the cases');
    }
  });

  it('drops filler and question words from the search words', () => {
    const [part] = parseQuestion('why did the councillors get axed tbh').parts;
    expect(part!.content.split(' ')).not.toContain('tbh');
    expect(part!.content.split(' ')).not.toContain('why');
    expect(part!.content).toContain('axed');
  });

  it('reads the question inside a polite request or after a greeting', () => {
    const [voting] = parseQuestion('Hi all, could someone tell me what voting system the mayoral election used?').parts;
    expect(voting!.type).toBe('what');
    expect(voting!.content).not.toMatch(/\b(?:tell|someone|hi)\b/);
    expect(parseQuestion('can someone list the 8 cllrs who got expelled pls').parts[0]!.type).toBe('list');
    expect(parseQuestion('can you tell me if ken was expelled').parts[0]!.type).toBe('yesno');
    expect(parseQuestion('ok but why did labour ditch rahman').parts).toHaveLength(1);
  });

  it('reads negation after the auxiliary, not the rhetorical "wasnt"', () => {
    expect(parseQuestion('is it true ken didnt campaign for labour').parts[0]!.negated).toBe(true);
    expect(parseQuestion('wasnt ken kicked out once before').parts[0]!.negated).toBe(false);
    expect(parseQuestion('did ken campaign for rahman').parts[0]!.negated).toBe(false);
    // Words that deny are paraphrases marked negative, not grammatical negation.
    expect(parseQuestion('is it true ken refused to campaign').parts[0]!.negated).toBe(false);
  });
});

describe('search plan (concepts and paraphrases, on the real corpus)', () => {
  it('gives slang the corpus words, weighted below the user’s own', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'how many councillors got chucked out' });
    const concepts = explanation.parts[0]!.plan!.concepts;
    const chucked = concepts.find((c) => c.word === 'chucked out')!;
    expect(chucked.terms).toEqual([]);
    expect([...chucked.alternatives.keys()]).toContain('expel');
    for (const w of chucked.alternatives.values()) expect(w).toBeLessThan(1);
    // Light verbs are not searched for.
    expect(concepts.map((c) => c.word)).not.toContain('got');
  });

  it('joins a word a phone split in two where the sources know the whole ("ken living stone")', () => {
    expect(engine.explain({ command: 'ask', query: 'did ken living stone back rahman' }).explanation.normalised).toContain('ken livingstone back');
    expect(engine.answer({ command: 'who', query: 'lust fur rahman' }).person?.name).toBe('Lutfur Rahman');
    expect(engine.explain({ command: 'ask', query: 'the lib dem candidate' }).explanation.normalised).toContain('libdem');
    // Not two words of their own, nor function words ("ever really", "and the").
    expect(engine.explain({ command: 'ask', query: 'was there ever really a chance and the tories' }).explanation.normalised).toBe('was there ever really a chance and the tories');
  });

  it('spells an English word of the sources right when typed one slip off ("sytem"), never a name', () => {
    expect(engine.explain({ command: 'ask', query: 'what voting sytem was used' }).explanation.normalised).toBe('what voting system was used');
    expect(engine.answer({ command: 'ask', query: 'what voting sytem was used for the tower hamlets mayor thing' }).snippets[0]!.text).toContain('Alternative Vote system');
    // A dropped g is the -ing ("showin" is showing, not "shown").
    expect(engine.explain({ command: 'ask', query: 'why is ken no showin face' }).explanation.normalised).toContain('showing');
    expect(engine.answer({ command: 'ask', query: 'did the nec end up punishin ken or not' }).snippets[0]!.text).toContain('decided not to take action');
    // A word a paraphrase stands for is as good as one of the sources' ("punishment").
    expect(engine.explain({ command: 'ask', query: 'whats the punishmnt for it' }).explanation.normalised).toContain('punishment');
    // Nor a word whose first letter differs ("aboot" is not "boot").
    expect(engine.explain({ command: 'ask', query: 'wit did he say aboot the nec' }).explanation.normalised).toBe('what did he say about the nec');
    // A name the sources do not know stays as typed; so does one they know, misspelt.
    expect(engine.explain({ command: 'ask', query: 'did galloway back lutfar' }).explanation.normalised).toBe('did galloway back lutfar');
  });

  it('drops the words that only set an earlier time ("the first time round"); "up against" is a rival', () => {
    expect(parseQuestion('why did ken get expelled the first time round').parts[0]!.content).toBe('ken get expelled');
    const answer = engine.answer({ command: 'ask', query: 'why did ken get expelled the 1st time round and who was he up against' });
    expect(answer.snippets[0]!.text).toContain('against official candidate Frank Dobson');
  });

  it('"put lutfur 2nd" places him on the ballot; "putting up" a candidate is standing one', () => {
    expect(engine.answer({ command: 'quote', query: 'the labour source', about: 'ken telling ppl to put lutfur 2nd' }).snippets[0]?.text).toContain('either with us or against us');
    expect(engine.answer({ command: 'ask', query: 'whos lutfur putting up as his candidate in the by election' }).snippets[0]?.text).toContain('Gulam Robbani');
  });

  it('"far left" is a group left of Labour; "used to" only sets the past', () => {
    expect(engine.answer({ command: 'ask', query: 'which far left group does the article say ken used to run with' }).snippets[0]?.text).toContain('Workers Revolutionary Party');
    expect(parseQuestion('what happened to the councillor who used to hold the seat').parts[0]!.content).toContain('used');
  });

  it('a closing "numbers pls" asks for a figure; "compared to" frames, but for "compared to when"', () => {
    const part = parseQuestion('how did labour do in that spitalfields seat last time round, numbers pls').parts[0]!;
    expect(part.type).toBe('count');
    expect(part.content).not.toContain('numbers');
    expect(parseQuestion('how big was kens vote in spitalfields in 2004 compared to 2008').parts[0]!.content).not.toContain('compared');
    expect(parseQuestion('when did the 11 get the boot compared to when kens article went up').parts[0]!.context).toContain('article');
  });

  it('"how many hrs between X and Y" asks a length of time', () => {
    expect(engine.answer({ command: 'ask', query: 'how many hrs between ken filing his piece and the 11 getting the boot' }).snippets[0]?.text).toContain('Some six hours after');
  });

  it('"how did they know" asks what showed it; "you know" asks nothing', () => {
    const texts = engine.answer({ command: 'ask', query: 'how did they even know which councillors were backing lutfur' }).snippets.map((s) => s.text);
    expect(texts[0]).toMatch(/understood to be those who appeared|YouTube footage/);
    expect(parseQuestion('why did ken you know go with lutfur').parts[0]!.content).not.toContain('know');
  });

  it('"X but Y?? how does that make any sense" asks what sets the two cases apart', () => {
    const q = 'so let me get this straight, the nec kicked out eight councillors for backing lutfur but let ken off for basically the same thing?? how does that make any sense smh';
    const part = parseQuestion(q).parts[0]!;
    expect(part.type).toBe('why');
    expect(part.contrast).toBe(true);
    expect(engine.answer({ command: 'ask', query: q }).snippets[0]?.text).toContain('drew a distinction between the cases');
  });

  it('the same question again in a word of its own narrows the first ("..., like how many votes")', () => {
    const parts = parseQuestion('what was lutfurs actual majority over abbas, like how many votes').parts;
    expect(parts).toHaveLength(1);
    expect(parts[0]!.context).toBe('votes');
    expect(engine.answer({ command: 'ask', query: 'what was lutfurs actual majority over abbas, like how many votes' }).abstained).toBe(true);
  });

  it('an English word the sources lack, in the words that set the scene, is chat ("sorry late to this thread")', () => {
    expect(engine.answer({ command: 'ask', query: 'sorry late to this thread but why did lutfur get binned by labour in the first place' }).abstained).toBe(false);
  });

  it('chat openers ("go on then", "hold on") lead nothing', () => {
    expect(parseQuestion('hold on ken has been kicked out of labour before?? what for').parts[0]!.content).not.toContain('hold');
    expect(parseQuestion('go on then name the councillors that got the boot').parts[0]!.type).toBe('list');
  });

  it('"end up back in labour" is readmission; "if X, how Y" sets a scene, asking no yes or no', () => {
    const a = engine.answer({ command: 'ask', query: 'so if ken got expelled before how did he even end up back in labour' });
    expect(a.snippets[0]?.text).toContain('readmitted to the party in 2004');
    expect(parseQuestion('if ken got expelled before how did he get back in').parts.at(-1)!.type).not.toBe('yesno');
  });

  it('reads "piece" as the article it is', () => {
    expect(engine.answer({ command: 'ask', query: 'how long after kens socialist unity piece did they give the 11 the boot' }).snippets[0]?.text).toContain('Some six hours after');
  });

  it('reads "source for X" and a trailing "source?" as the question itself', () => {
    expect(parseQuestion('what voting system was used, source?').parts[0]!.content).not.toContain('source');
  });

  it('finds a phrasal verb split by its object ("let ken back in")', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'when did they let ken back into the party' });
    const words = explanation.parts[0]!.plan!.concepts.map((c) => c.word);
    expect(words).toContain('let back into');
    expect(words).toContain('ken');
  });

  it('marks a word the corpus has in no form as missing, and never expands names', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'did ken beat boris in the 2012 race' });
    const concepts = explanation.parts[0]!.plan!.concepts;
    expect(concepts.find((c) => c.word === 'boris')!.missing).toBe(true);
    expect(concepts.find((c) => c.word === 'ken')!.alternatives.size).toBe(0);
  });

  it('reads an acronym as the words the articles spell it out with', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'did the nec do anything to livingstone' });
    const nec = explanation.parts[0]!.plan!.concepts.find((c) => c.word === 'nec')!;
    expect([...nec.alternatives.keys()]).toEqual(expect.arrayContaining(['nation', 'execut', 'committe']));
  });

  it('reads the forms of an irregular verb alike (ran / running)', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'who was running oonas bid against ken' });
    const running = explanation.parts[0]!.plan!.concepts.find((c) => c.word.startsWith('running'))!;
    expect([...running.alternatives.keys()]).toContain('ran');
  });

  it('reads "kept dodging" as dodging, "the one" as no number, "obviously" as no premise', () => {
    const words = (query: string) => engine.explain({ command: 'ask', query }).explanation.parts[0]!.plan!.concepts.filter((c) => c.weight > 0).map((c) => c.word);
    expect(words('what ward was it, the one ken kept dodging')).toEqual(['ward', 'ken', 'dodging']);
    expect(words('why was ken obviously campaigning')).toEqual(['ken', 'campaigning']);
  });

  it('reads digits and number words alike', () => {
    const { explanation } = engine.explain({ command: 'ask', query: 'list the 8 councillors' });
    const eight = explanation.parts[0]!.plan!.concepts.find((c) => c.word === '8')!;
    expect([...eight.alternatives.keys()]).toContain('eight');
  });
});

describe('polarity', () => {
  it('finds a negation governing the action, or a refusal standing for it', () => {
    expect(negative('The NEC decided not to take action against Mr Livingstone', new Set(['action']))).toBe(true);
    expect(negative('He has refused.', new Set(['campaign']))).toBe(true);
    expect(negative('Ken campaigned for Labour in Roman Road', new Set(['campaign']))).toBe(false);
  });

  it('tells an action that happened from one threatened or called for', () => {
    const expel = new Set(['expel', 'expuls']);
    expect(hypothetical('Ken Livingstone faced calls for his expulsion from the Labour Party today', expel)).toBe(true);
    expect(hypothetical('having been expelled in 2000 under the same clause', expel)).toBe(false);
  });

  it('sees a description the text gives otherwise', () => {
    expect(contrasts('is it true greg hands is a labour mp', 'Greg Hands, the Tory MP for Chelsea and Fulham')).toBe(true);
    expect(contrasts('is it true greg hands is a tory mp', 'Greg Hands, the Tory MP for Chelsea and Fulham')).toBe(false);
  });
});

describe('answers that use it', () => {
  it('a yes/no question says whether the sources confirm it', () => {
    const no = engine.answer({ command: 'ask', query: 'is it true greg hands is a labour mp?' });
    expect(no.verdict).toBe('otherwise');
    expect(no.snippets[0]!.text).toContain('Tory MP for Chelsea and Fulham');
    const yes = engine.answer({ command: 'ask', query: 'did ken get a pic taken with the labour guy for the byelection' });
    expect(yes.verdict).toBe('yes');
    expect(yes.snippets[0]!.text).toContain('photographed with the Labour candidate');
  });

  it('reads a paraphrase that says nothing happened, and a denial after a name', () => {
    expect(engine.answer({ command: 'ask', query: 'is it true the nec just let ken off' }).verdict).toBe('yes');
    expect(engine.answer({ command: 'ask', query: 'did the nec do anything to livingstone' }).verdict).toBe('otherwise');
    const abbas = engine.answer({ command: 'ask', query: 'did abbas ask ken to appear with him too' });
    expect(abbas.snippets[0]!.text).toContain('Abbas hasn');
    expect(abbas.verdict).toBe('otherwise');
  });

  it('a choice between two people gets its passage, not a yes or a no', () => {
    const a = engine.answer({ command: 'ask', query: 'did ken livingstone or ken clark tell the members they were out' });
    expect(a.snippets[0]!.text).toContain('Ken Clark');
    expect(a.verdict).toBeUndefined();
  });

  it('why: a reason right after the action asked about goes first ("ex-pelled ..., amid allegations")', () => {
    for (const query of ['why did labour sack lutfur as their candidate in the first place', 'For what reason Labour has removed Lutfur Rahman from being their candidate?']) {
      expect(engine.answer({ command: 'ask', query }).snippets[0]!.text).toMatch(/amid allegations|close relationship with the Islamist group/);
    }
  });

  it("a spokesman's excuse is his words, and 'with the election so close' is a reason", () => {
    for (const query of ['whats kens spokesmans excuse for skipping byelections', 'whats kens camps excuse for skipping the byelection']) {
      expect(engine.answer({ command: 'ask', query }).snippets[0]!.text).toContain('it has not been possible for Ken to campaign');
    }
  });

  it("the article's writer is no name to find, and a victory is a win", () => {
    const a = engine.answer({ command: 'ask', query: 'Why does the writer consider a Conservative victory in Tower Hamlets unlikely in any event?' });
    expect(a.snippets[0]!.text).toContain('is an unlikely event in any case');
  });

  it('a statement of the asker\'s view before a question: the question is answered first', () => {
    const a = engine.answer({ command: 'ask', query: 'ken obviously broke the rules right?? whats the actual labour rule about backing someone against ur own candidate' });
    expect(a.snippets[0]!.text).toMatch(/rule book states that any member|rules strictly forbid/);
    expect(a.verdict).toBeUndefined();
  });

  it('"what is the rule ken broke" wants the rule stated, whoever it names', () => {
    const a = engine.answer({ command: 'ask', query: 'whats the actual rule ken supposedly broke' });
    expect(a.snippets[0]!.text).toMatch(/rule book states that any member|rules strictly forbid/);
  });

  it('who did what to whom: the expulsion asked about, not another one with the same words', () => {
    const a = engine.answer({ command: 'ask', query: 'why did labour bin rahman as their candidate' });
    expect(a.abstained).toBe(false);
    expect(a.snippets[0]!.text).not.toMatch(/^Eight Labour councillors/);
  });

  it('refuses a count the sources do not give, showing the nearest passage as not an answer', () => {
    const a = engine.answer({ command: 'ask', query: 'how many votes did lutfur actually get' });
    expect(a.abstained).toBe(true);
    expect(a.reason).toMatch(/no figure/);
    expect(a.nearest).toBeDefined();
    expectVerbatim(a.nearest!);
  });

  it('"by how many votes" asks a figure the sources lack; "by how much" is answered by a margin in words', () => {
    expect(engine.answer({ command: 'ask', query: 'by how many votes did rahman beat abbas, whats the actual number' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'did lutfur actually win in the end? by how much' }).snippets[0]!.text).toContain('by a landslide');
    expect(engine.answer({ command: 'ask', query: 'what helal abbas said when ken showed up campaigning with rahman' }).abstained).toBe(true);
  });

  it('"what was X accused of" wants the charge; ", like why ..." is a question of its own', () => {
    expect(parseQuestion('what was lutfur actually accused of, like why labour sacked him').parts.map((p) => p.type)).toEqual(['what', 'why']);
    const a = engine.answer({ command: 'ask', query: 'what was lutfur actually accused of, like why labour sacked him' });
    expect(a.snippets[0]!.text).toContain('amid allegations');
  });

  it('"what %" is answered by a share in per cent, and only by one', () => {
    expect(engine.answer({ command: 'ask', query: 'what % did labour get in worcester park' }).snippets[0]!.text).toContain('Worcester Park in Sutton (11%)');
    expect(engine.answer({ command: 'ask', query: 'whats lutfurs actual vote share in the mayoral, like what % did he get' }).abstained).toBe(true);
  });

  it('refuses a figure for something the sources never mention', () => {
    const a = engine.answer({ command: 'ask', query: 'how long did lutfer get in prison for the ballot rigging' });
    expect(a.abstained).toBe(true);
    expect(a.reason).toMatch(/no length of time/);
  });

  it('"how long" wants a length of time', () => {
    const a = engine.answer({ command: 'ask', query: 'how long after kens article were the 11 kicked out, like same day?' });
    expect(a.snippets[0]!.text).toContain('Some six hours after he filed his article');
  });

  it('a list wants names: the sentence naming the councillors, and a refusal where none is given', () => {
    const names = engine.answer({ command: 'ask', query: 'which councillors got expelled for backing him, names pls' });
    expect(names.snippets[0]!.text).toContain('Oli Rahman, Lutfa Begum');
    expect(engine.answer({ command: 'ask', query: 'list the people who were arrested' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'name the councillors who resigned' }).abstained).toBe(true);
  });

  it('refuses a verb asserted of a person that the articles never use', () => {
    const a = engine.answer({ command: 'ask', query: 'after all the drama did ken apologise to ed miliband or no' });
    expect(a.abstained).toBe(true);
    expect(a.reason).toMatch(/do not say that/);
    expect(engine.answer({ command: 'ask', query: 'did ken campaign with rahman' }).abstained).toBe(false);
  });

  it('a question the article itself asks is no answer while a statement is', () => {
    const a = engine.answer({ command: 'ask', query: 'ken did tell everyone to put abbas first tho didnt he? or is that just spin' });
    expect(a.snippets[0]!.text).not.toMatch(/\?$/);
  });

  it('"the old councillor" is the one sitting until the news', () => {
    const a = engine.answer({ command: 'ask', query: 'y did the old labour cllr in that ward lose his seat' });
    expect(a.snippets[0]!.text).toContain('the sitting Labour councillor defected');
  });

  it("what the blog made of a statement is the writer's sentence after it", () => {
    const a = engine.answer({ command: 'ask', query: "what did the blog make of kens whole 'no wave of expulsions' plea" });
    expect(a.snippets[0]!.text).toBe('This is pure self interest, dressed up as a call for party unity.');
  });

  it('reads more shorthand: pref, journo, a shorthand possessive, "got done", "used to hold"', () => {
    expect(normalise("whats kens spokesperson's excuse")).toContain("spokesman's");
    expect(normalise('1st pref and 2nd pref')).toBe('first preference and second preference');
    expect(engine.answer({ command: 'ask', query: 'how many councillors got done for backing lutfar' }).snippets[0]!.text).toMatch(/[Ee]ight/);
    expect(engine.answer({ command: 'when', query: 'ken telling the journo to put lutfur 2nd' }).snippets[0]!.text).toMatch(/told me/);
    expect(engine.answer({ command: 'who', query: 'the labour mp who blogged that ken should be expelled immediately' }).person?.name).toBe('Tom Harris');
  });

  it('"what did he say" after a description of someone quotes that person', () => {
    const a = engine.answer({ command: 'ask', query: 'that east end mp who ran oona kings campaign against ken, what did he say about all this' });
    expect(a.snippets[0]!.text).toContain('Jim Fitzpatrick');
  });

  it("the asker's guess after a who question is who may answer it", () => {
    const a = engine.answer({ command: 'ask', query: 'who actually broke the news to the expelled members, was it ken clark or some1 else' });
    expect(a.snippets[0]!.text).toContain('The news was delivered to members by');
  });

  it('what a person never quoted said is refused, not answered with someone else’s words', () => {
    expect(engine.answer({ command: 'ask', query: 'what did helal abbas say about ken campaigning for rahman' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'what did the tory mayoral candidate say about ken' }).abstained).toBe(true);
    // Quoted, not on that topic: a passage may still tell what he said.
    expect(engine.answer({ command: 'ask', query: 'what did fitzpatric say about kens behaviour' }).snippets[0]!.text).toContain('extremely disturbing');
  });

  it('refuses a false premise and a person the sources never name', () => {
    expect(engine.answer({ command: 'ask', query: 'why did ken quit the nec over tower hamlets' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'did ken beat boris in the 2012 london mayor race' }).abstained).toBe(true);
    expect(engine.answer({ command: 'ask', query: 'why was ken suspended from the nec over all this' }).abstained).toBe(true);
  });

  it('shows the sentence a lead-in ("Ted Jeory adds:") introduces, not the lead-in', () => {
    const a = engine.answer({ command: 'ask', query: 'what did ken say to ted jeory at conference abt how lutfur was treated' });
    expect(a.snippets.map((s) => s.text)).not.toContain('Ted Jeory adds:');
    for (const s of a.snippets) expectVerbatim(s);
  });

  it('a partial name answers for the likeliest person and names the others', () => {
    const a = engine.answer({ command: 'who', query: 'Ken' });
    expect(a.person?.name).toBe('Ken Livingstone');
    expect(a.alsoNamed?.map((p) => p.name)).toContain('Ken Clark');
    expect(engine.answer({ command: 'who', query: 'Ken Livingstone' }).alsoNamed).toBeUndefined();
  });

  it('a name typed with a typo lands on the person the rest is about', () => {
    const a = engine.answer({ command: 'who', query: 'lutfar' });
    expect(a.person?.name).toBe('Lutfur Rahman');
  });

  it("a later part's he is the unknown person of the first part, not someone else it names", () => {
    expect(engine.answer({ command: 'ask', query: 'why was boris rooting for lutfur, did he cosy up to the IFE too??' }).abstained).toBe(true);
  });

  it('a multi-part question answers each part', () => {
    const a = engine.answer({ command: 'ask', query: 'whos john biggs and does ken think he got treated fairly' });
    const texts = a.snippets.map((s) => s.text).join('\n');
    expect(texts).toContain('John Biggs');
    expect(texts).toMatch(/treated badly/);
  });

  it('--explain tells the normalised question, its parts, words and scored passages', () => {
    const { answer, explanation } = engine.explain({ command: 'ask', query: 'how many ppl got the boot' });
    expect(explanation.normalised).toBe('how many people got the boot');
    expect(explanation.parts[0]!.part.type).toBe('count');
    expect(explanation.parts[0]!.hits.length).toBeGreaterThan(0);
    expect(answer.snippets[0]!.text).toBe(explanation.parts[0]!.hits[0]!.text);
  });
});
