/**
 * Paraphrases a claim checker needs: the words chat uses for what the sources say in news English
 * ("kicked out" for expelled, "let back in" for readmitted, "a piece" for an article). Groups of
 * words that mean the same thing in a claim about who did what; each word is stemmed the way the
 * index stems it, so a group is a set of search terms.
 */
import { termsOf } from '../../retrieval/text.js';

const GROUPS: string[][] = [
  ['expelled', 'expel', 'expulsion', 'expulsions', 'booted', 'boot', 'kicked', 'thrown', 'purged', 'purge', 'axed', 'excluded', 'turfed', 'chucked', 'dumped', 'sacked', 'deselection', 'ex-pelled', 'removed'],
  ['readmitted', 'readmit', 'rejoined', 'reinstated'],
  ['backed', 'backing', 'support', 'supported', 'supporting', 'supporter', 'supporters', 'endorsed', 'endorsing', 'endorsement', 'campaigned', 'campaigning', 'canvassing', 'canvassed'],
  ['beat', 'beaten', 'destroyed', 'crushed', 'thrashed', 'trounced', 'defeated', 'won', 'win', 'victorious', 'landslide'],
  ['selected', 'picked', 'chosen', 'chose', 'nominated', 'nomination', 'imposed'],
  ['photo', 'photographed', 'photograph', 'picture', 'pic', 'photos'],
  ['running', 'ran', 'run', 'standing', 'stood', 'stand', 'stands'],
  ['refused', 'refuse', 'refusing', 'declined', 'wouldnt'],
  ['piece', 'article', 'post', 'blog', 'column'],
  ['election', 'elections', 'vote', 'poll', 'race', 'contest', 'ballot'],
  ['mayor', 'mayoral', 'mayoralty'],
  ['councillor', 'councillors', 'cllr', 'cllrs', 'councilor', 'councilors'],
  ['comment', 'speak', 'say', 'word'],
  ['resigned', 'quit', 'stepped'],
  ['demanding', 'demanded', 'calling', 'called', 'urging', 'urged', 'wanted'],
  ['told', 'urged', 'asked', 'calling', 'encouraged'],
  ['people', 'members', 'member', 'voters', 'residents'],
  ['independent', 'independents'],
  ['disturbing', 'outrageous', 'shocking', 'appalling'],
  ['candidate', 'guy', 'man', 'candidacy'],
  ['delivered', 'broke', 'announced', 'told'],
  ['news', 'expulsions'],
  ['appeared', 'appearance', 'appear', 'turned', 'showed', 'came'],
  ['unfair', 'fairness', 'injustice', 'justice'],
  ['tory', 'tories', 'conservative', 'conservatives'],
  ['labour', 'party'],
];

const byTerm = new Map<string, string[]>();
for (const group of GROUPS) {
  const stems = [...new Set(group.flatMap((w) => [...termsOf(w)]))];
  for (const s of stems) byTerm.set(s, [...new Set([...(byTerm.get(s) ?? []), ...stems])]);
}

/** The search terms a claim's term may appear as in the sources (itself included). */
export function stanceParaphrases(term: string): readonly string[] {
  return byTerm.get(term) ?? [term];
}
