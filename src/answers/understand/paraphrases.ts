/**
 * Other words for the same action or thing: how people say it in chat (left) and the words news
 * reports and party statements use (right). Searching adds the right-hand words, weighted below the
 * user's own (see expand.ts), and only words the corpus has count.
 *
 * Why a hand-made list: an experiment expanding every question word with WordNet 3.1 synonyms turned
 * one more question of 75 right and helped a wrong sentence ten times as often as a right one (wrong
 * senses: "labour" → childbirth, "won" → the Korean currency), and WordNet has no slang ("got the
 * boot"). So only verbs, phrasal verbs and slang nouns are listed, never names, each with its sense.
 *
 * Left-hand sides are matched on whole words of the normalised question, longest first, so each
 * inflection a user may type is listed.
 */
export interface Paraphrase {
  /** What users write (lower case, normalised: no apostrophes, shorthand expanded). */
  say: readonly string[];
  /** How the sources say it. */
  means: readonly string[];
  /** The sense, so that a reader can judge the entry. */
  why: string;
  /**
   * A thing rather than an action (an election, a leaflet): an action's words are where a question's
   * roles meet ("Labour expelled Rahman"), see roles.ts.
   */
  thing?: true;
  /** The user's words say something did not happen ("let him off" = took no action). */
  negative?: true;
  /**
   * Forms whose subject undergoes the articles' action ("ken rejoined" = he was readmitted, "abbas
   * lost" = he was beaten): the question's doer is its patient (see roles.ts).
   */
  undergoes?: readonly string[];
  /**
   * The phrase's verb says it alone ("told" of "told people to"), and the index does not search it:
   * a passage where it is written covers the phrase.
   */
  headSays?: true;
}

export const PARAPHRASES: readonly Paraphrase[] = [
  {
    say: ['kicked out', 'kick out', 'kicks out', 'kicking out', 'chucked out', 'chuck out', 'thrown out', 'throw out', 'threw out', 'turfed out', 'booted', 'booted out', 'boot', 'booting', 'got the boot', 'get the boot', 'getting the boot', 'given the boot', 'axed', 'axe', 'axing', 'bin', 'bins', 'binning', 'ditch', 'ditching', 'dump', 'dumping', 'sack', 'sacking', 'expelling', 'the chop', 'got the chop', 'get the chop', 'given the chop', 'chopped', 'binned', 'ditched', 'dumped', 'purged', 'ousted', 'expel', 'kicked', 'chucked', 'canned', 'fired', 'out of the party', 'out of labour', 'expelled', 'expulsion', 'expulsions', 'excluded', 'sacked', 'removed', 'shown the door', 'show the door', 'showed the door', 'showing the door', 'got rid of', 'get rid of', 'getting rid of', 'rid of', 'heave-ho', 'heave ho', 'given the heave-ho', 'drummed out', 'slung out', 'sling out', 'sent packing', 'cut loose', 'struck off', 'deselected', 'deselect', 'dropped', 'dropping', 'got done', 'get done', 'done for', 'dumped', 'ousting', 'ejected', 'eject', 'booting', 'purge', 'purging', 'turf out', 'turfing out', 'punted', 'punted out', 'got punted', 'get punted'],
    means: ['expelled', 'expulsion', 'expel', 'boot', 'sacked', 'axed', 'excluded', 'suspended'],
    why: 'removal from the party (or of a candidate) in slang',
  },
  {
    say: ['let back in', 'let back into', 'let him back', 'allowed back', 'taken back', 'took him back', 'rejoined', 'rejoin', 'back in the party', 'back into the party', 'back into labour', 'readmit', 'welcomed back', 'brought back', 'back in the fold', 'reinstated', 'reinstate', 'reinstatement', 'allowed back in', 'let back', 'rejoining', 'readmitting', 'back in labour', 'got back in', 'get back in', 'getting back in'],
    means: ['readmitted', 'readmission', 'readmit'],
    why: 'readmission to the party',
    undergoes: ['rejoined', 'rejoin', 'rejoining', 'back in the party', 'back into the party', 'back into labour', 'back in the fold', 'back in labour', 'got back in', 'get back in', 'getting back in'],
  },
  {
    // Not "got in": "did ken get [a share] in spitalfields" is no win.
    say: ['won', 'win', 'wins', 'winning', 'winner', 'got elected', 'came out on top', 'victory', 'scrape in', 'scraped in', 'scraped through', 'scrape through', 'scrape it', 'scraped it', 'scrape a win', 'scraped a win', 'narrowly won', 'pipped'],
    // Not "elected": the stemmer makes it "election", which no more means a win than "poll" does.
    means: ['beat', 'victorious', 'landslide', 'won', 'win', 'defeat'],
    why: 'winning an election; articles say who beat whom or who was victorious',
  },
  {
    // "stand - ultimately successfully - against official candidate Frank Dobson" is beating him.
    say: ['beat', 'beats', 'beating', 'defeated', 'defeat'],
    means: ['victorious', 'landslide', 'won', 'successfully', 'beat', 'defeat'],
    why: 'beating a rival in an election',
  },
  {
    say: ['lost', 'lose', 'loses', 'losing', 'loser'],
    means: ['defeat', 'beat', 'lost', 'sacked'],
    why: 'losing an election or a seat',
    undergoes: ['lost', 'lose', 'loses', 'losing'],
  },
  {
    say: ['backed', 'back', 'backs', 'backing', 'threw his weight behind', 'threw their weight behind', 'throw his weight behind', 'throwing his weight behind', 'weight behind', 'support', 'supported', 'supporting', 'rooting for', 'endorse', 'endorsed', 'stumped for', 'stump for', 'campaign for', 'campaigned for', 'campaigning for', 'side with', 'sided with', 'help', 'helped', 'helping', 'rooting for', 'root for', 'cosied up to', 'cosy up to', 'cosying up to', 'cosied up', 'stood by', 'stand by', 'standing by', 'propped up', 'bigged up', 'bigging up', 'vouched for', 'vouch for', 'sided with', 'championed', 'championing', 'cheerleading', 'plugged', 'pushing for', 'pushed for', 'urged people to vote for', 'told people to vote for', 'got behind', 'get behind', 'getting behind', 'in bed with'],
    means: ['backing', 'backed', 'support', 'supporting', 'endorsing', 'endorsement', 'campaigned', 'campaigning', 'canvassing', 'stump'],
    why: 'supporting a candidate',
  },
  {
    // Before "tell" (news): telling people to do something is urging it.
    say: ['tell people to', 'told people to', 'telling people to', 'tell voters to', 'told voters to', 'telling voters to', 'tell them to', 'told them to', 'telling them to', 'tell supporters to', 'told supporters to', 'telling supporters to', 'tell everyone to', 'told everyone to', 'tell members to', 'told members to', 'ask people to', 'asked people to', 'asking people to', 'ask voters to', 'asked voters to'],
    means: ['urged', 'urging', 'urge', 'called on', 'asked'],
    why: 'a directive to voters or members; articles say someone urged or called on them',
    headSays: true,
  },
  {
    say: ['told', 'tell', 'informed', 'inform', 'broke the news', 'break the news', 'gave the news', 'give the news', 'giving the news', 'passed the news', 'announced', 'announce', 'telling', 'broke it to', 'break it to', 'delivered the news', 'passed on', 'let them know'],
    means: ['delivered', 'news', 'informed', 'confirm', 'announced'],
    why: 'passing on news ("the news was delivered to members by ...")',
  },
  {
    say: ['mad', 'angry', 'upset', 'annoyed', 'pissed', 'furious', 'unhappy', 'not happy', 'cross'],
    means: ['disappointed', 'angry', 'unease', 'not happy', 'outrage'],
    why: 'displeasure',
  },
  {
    say: ['said anything', 'say anything', 'says anything', 'said something', 'said a word', 'said a single word', 'saying nothing', 'said nothing', 'says nothing', 'kept quiet', 'keeping quiet', 'stayed silent', 'staying silent', 'spoken', 'spoke', 'speak out', 'spoke out', 'commented', 'comment', 'weighed in', 'responded', 'response', 'reacted'],
    means: ['comment', 'speak out', 'said', 'statement'],
    why: 'saying something in public',
    headSays: true,
  },
  {
    say: ['reckon', 'reckons', 'reckoned', 'think', 'thinks', 'thought', 'consider', 'considers', 'considered', 'feel', 'feels', 'felt', 'predict', 'predicted', 'expect', 'expected', 'claims', 'claim', 'claimed', 'insisted', 'insists', 'argued', 'argues', 'made out', 'makes out'],
    means: ['think', 'predict', 'believe', 'suspect', 'will'],
    why: 'an opinion or prediction',
  },
  {
    // Listed for its sense, not for other words: a suspension is an action done to someone, whose
    // roles a question may ask ("why was ken suspended"), and neither an expulsion nor a resignation.
    say: ['suspended', 'suspend', 'suspends', 'suspending', 'suspension'],
    means: ['suspended', 'suspension'],
    why: 'suspension from the party or a body',
  },
  {
    say: ['stop', 'stopping', 'stopped', 'block', 'blocking', 'keep out', 'keeping out', 'kept out', 'prevent', 'preventing', 'prevented', 'avoid a', 'keep away'],
    means: ['block', 'keep out', 'prevent', 'make certain', 'ensure there is no'],
    why: 'keeping a rival out of office ("keep the Tories out", "block a Tory win")',
  },
  {
    say: ['blowout', 'blow out', 'thrashing', 'thrashed', 'trounced', 'walkover', 'walked it', 'hammered', 'romped home', 'cruised', 'routed', 'crushed', 'crushing', 'comfortably', 'easily', 'by miles', 'big win', 'huge win', 'win big', 'won big', 'winning big', 'won easily', 'win easily', 'win easy', 'won easy'],
    means: ['landslide', 'beat'],
    why: 'a win by a wide margin ("by a landslide")',
  },
  {
    say: ['brought to his attention', 'brought to attention', 'brought it up with', 'brought up with', 'raised it with', 'raised with', 'flagged', 'flagged up', 'warned', 'complained to', 'took it up with'],
    means: ['raised'],
    why: 'raising a matter with someone ("raised the issue with Mr Miliband")',
  },
  {
    say: ['special treatment', 'preferential treatment', 'double standard', 'double standards', 'different rules', 'favouritism', 'favoritism', 'treated differently', 'treated different', 'one law for'],
    means: ['one rule for', 'distinction'],
    why: 'one person treated otherwise than others ("one rule for Ken and one for everyone else")',
    thing: true,
  },
  {
    say: ['caught on camera', 'on camera', 'on video', 'on film', 'videoed', 'caught on film', 'footage'],
    means: ['filmed', 'footage'],
    why: 'being recorded on video',
    thing: true,
  },
  {
    say: ['put forward', 'puts forward', 'putting forward', 'nominate', 'nominating', 'proposed', 'propose', 'signed his papers', 'signed the papers', 'backed his nomination'],
    means: ['nominated', 'nomination'],
    why: 'nominating a candidate',
  },
  {
    // "who is lutfur putting up in the byelection": "who is standing ... as the Rahman candidate".
    say: ['put up', 'putting up', 'puts up', 'fielding', 'field', 'fielded'],
    means: ['standing', 'nominated', 'candidate'],
    why: 'running a candidate in an election',
  },
  {
    say: ['ask lawyers', 'asked lawyers', 'asking lawyers', 'ask a lawyer', 'asked a lawyer', 'ask the lawyers', 'asked the lawyers', 'ask its lawyers', 'asked its lawyers', 'ask for advice', 'asked for advice', 'ask for legal advice', 'asked for legal advice', 'check with', 'checked with', 'checking with', 'consult', 'consulted', 'consulting', 'run it by', 'ran it by', 'get advice', 'got advice', 'take advice', 'took advice', 'seek advice', 'sought advice'],
    means: ['advice', 'taken'],
    why: 'consulting someone (lawyers) before acting; the articles say advice was taken',
  },
  {
    // "would the expulsions stand up legally": be sound against a challenge.
    say: ['stand up', 'stands up', 'stood up', 'hold up', 'holds up', 'held up', 'bulletproof', 'airtight', 'legit', 'legitimate', 'above board', 'by the book', 'survive a challenge', 'withstand'],
    means: ['watertight', 'solid', 'legal'],
    why: 'sound against a (legal) challenge',
  },
  {
    say: ['lawyers', 'lawyer', 'legal', 'solicitors', 'courts'],
    means: ['legal', 'advice', 'compliance'],
    why: 'legal advice',
    thing: true,
  },
  {
    say: ['pic', 'pics', 'photo', 'photos', 'picture', 'pictures', 'selfie', 'photo op', 'snapped', 'snap', 'got snapped', 'posed with', 'pose with', 'photographed', 'photo-op'],
    means: ['photographed', 'photograph', 'photo'],
    why: 'being photographed',
  },
  {
    say: ['quit', 'quits', 'resign', 'resigned', 'step down', 'stepped down', 'stood down', 'walked out', 'quitting', 'resigning', 'resignation', 'stepping down', 'walking out'],
    means: ['resigned', 'resignation', 'quit'],
    why: 'leaving a post of one\'s own accord (the articles have none: such questions must find no passage)',
  },
  {
    say: ['bottled', 'bottle', 'chickened out', 'chicken out', 'chickening out', 'bottling it', 'bottling', 'let him walk', 'let him go', 'walk free', 'walked free', 'wimped out', 'caved', 'backed down', 'did nothing', 'do nothing', 'let him off', 'let off', 'off the hook', 'let off the hook', 'got away with it', 'get away with it', 'let it slide', 'turned a blind eye', 'turn a blind eye', 'swept under the carpet', 'scot free', 'got off', 'get off', 'gets off', 'getting off', 'escaped', 'let off'],
    means: ['bottle', 'not to take action', 'no action', 'refused'],
    why: 'failing to act against someone',
    negative: true,
    // "ken got off scot free": he is the one no action was taken against.
    undergoes: ['scot free', 'got off', 'get off', 'gets off', 'getting off', 'escaped', 'got away with it', 'get away with it', 'walk free', 'walked free', 'off the hook'],
  },
  {
    say: ['ran against', 'run against', 'running against', 'stood against', 'standing against', 'challenger', 'rival', 'opponent', 'up against', 'go up against', 'went up against', 'going up against', 'opponents', 'rivals'],
    means: ['against', 'rival', 'standing', 'candidate', 'stood'],
    why: 'a rival candidacy',
  },
  {
    say: ['running', 'ran', 'run', 'stood', 'standing'],
    means: ['candidate', 'standing', 'stood'],
    why: 'being a candidate',
  },
  {
    say: ['race', 'races', 'contest', 'poll', 'polls', 'vote', 'election', 'elections'],
    means: ['election', 'poll', 'contest', 'race', 'vote'],
    why: 'an election',
    thing: true,
  },
  {
    say: ['swing', 'share', 'vote share', 'jump', 'jumped', 'rise', 'rose', 'increase', 'went up', 'go up', 'surge'],
    means: ['per cent', 'vote', 'share'],
    why: 'a change in the share of the vote',
    thing: true,
  },
  {
    say: ['in trouble', 'trouble', 'in hot water', 'facing', 'disciplined', 'punished', 'punishment'],
    means: ['expulsion', 'faces', 'action', 'disciplinary', 'sanction'],
    why: 'facing party discipline',
  },
  {
    say: ['lose their seat', 'lost their seat', 'lose his seat', 'lost his seat', 'lose his place', 'lost his place', 'lose their place', 'lost their place', 'lose her seat', 'lost her seat', 'lose the seat', 'lost the seat'],
    means: ['sacked', 'defected', 'disqualified', 'byelection'],
    why: 'a seat falling vacant',
  },
  {
    say: ['rule', 'rules', 'rulebook', 'the law'],
    means: ['rule', 'rulebook', 'clause', 'sanction'],
    why: 'the party rule book',
    thing: true,
  },
  {
    say: ['picked', 'chose', 'chosen', 'choose', 'selected', 'pick', 'nominee'],
    means: ['selected', 'selection', 'candidate', 'chosen', 'nominated'],
    why: 'a party choosing its candidate',
  },
  {
    say: ['forced on', 'forced upon', 'imposed', 'parachuted', 'installed'],
    means: ['imposed', 'impose'],
    why: 'a candidate imposed by the party',
  },
  {
    say: ['treated', 'handled', 'dealt with'],
    means: ['treated', 'treatment', 'handled'],
    why: 'how someone was treated',
  },
  {
    say: ['excuse', 'excuses'],
    means: ['excuses', 'excuse'],
    why: 'excuses',
    thing: true,
  },
  {
    say: ['rigged', 'rigging', 'cheated', 'cheating', 'fraud', 'dodgy'],
    means: ['ballot-rigging', 'rigging', 'fraud', 'allegations'],
    why: 'electoral fraud allegations',
    thing: true,
  },
  {
    say: ['extremists', 'extremist', 'islamists', 'islamist'],
    means: ['islamist', 'extremist'],
    why: 'links to an extremist group',
    thing: true,
  },
  {
    // "which far left lot did ken run with": a group further left than Labour, in the articles'
    // words a revolutionary party or a militant tendency.
    say: ['far left', 'far-left', 'hard left', 'hard-left', 'loony left', 'trot', 'trots', 'trotskyist', 'trotskyists', 'commie', 'commies', 'communist', 'communists'],
    means: ['revolutionary', 'militant'],
    why: 'a group to the left of Labour',
    thing: true,
  },
  {
    // "how did they know which councillors were backing lutfur": what showed it ("The eight
    // councillors are understood to be ...", "YouTube footage of them at the event").
    say: ['know', 'knew', 'find out', 'found out', 'identify', 'identified', 'work out', 'worked out', 'figure out', 'figured out'],
    means: ['understood', 'footage', 'evidence', 'emerged'],
    why: 'how something came to be known',
  },
  {
    // "put lutfur 2nd", "rank him second": where a voter places a candidate on the ballot.
    say: ['put', 'puts', 'putting', 'rank', 'ranked', 'ranking'],
    means: ['place', 'placed', 'preference'],
    why: 'placing a candidate on the ballot paper',
  },
  {
    say: ['second choice', '2nd choice', 'second vote', 'preference', 'pref', '2nd pref', 'second pref', '1st pref', 'first pref', 'prefs', 'preferences', 'ballot', 'ballots', 'ballot paper', 'ballot papers'],
    means: ['second preference', 'preferences', 'preference'],
    why: 'the supplementary (second preference) vote',
    thing: true,
  },
  {
    say: ['voting system', 'electoral system', 'system'],
    means: ['alternative vote', 'electoral system', 'system'],
    why: 'the voting system',
    thing: true,
  },
  {
    say: ['boss', 'head', 'in charge'],
    means: ['leader', 'director', 'boss', 'head'],
    why: 'who leads',
    thing: true,
  },
  {
    say: ['snubbed', 'snub', 'snubbing', 'blanked', 'blank', 'dodged', 'dodge', 'dodging', 'ducked', 'duck', 'swerved', 'avoided', 'avoid', 'skipped', 'skip', 'skipping', 'skips', 'avoiding', 'avoids', 'ducking', 'swerving', 'swerve', 'stayed away', 'staying away', 'blanking', 'no-show', 'wouldnt go', 'would not go', 'will not go', 'wont go', 'refuse', 'refused', 'refusing', 'declined', 'decline'],
    means: ['refused', 'wouldn’t come', 'not so far managed', 'stops short of'],
    why: 'refusing to do something',
    negative: true,
  },
  {
    say: ['jumped ship', 'jump ship', 'switched sides', 'switch sides', 'crossed the floor', 'cross the floor', 'defect', 'defects', 'turncoat', 'changed sides'],
    means: ['defected', 'opposition'],
    why: 'leaving one party for another',
  },
  {
    say: ['done for', 'got done for', 'caught', 'convicted', 'busted', 'found guilty'],
    means: ['sacked', 'fraud'],
    why: 'being caught and punished for wrongdoing',
  },
  {
    say: ['slammed', 'slam', 'blasted', 'laid into', 'had a go at', 'hit out at', 'slagging off', 'slagged off', 'slag off', 'slagging', 'dissing', 'dissed', 'diss', 'trashing', 'trashed', 'bad-mouthing', 'badmouthing', 'rubbishing', 'criticised', 'criticized', 'attacked', 'rubbished', 'went for'],
    means: ['hit out', 'criticism', 'fury', 'attack', 'slap in the face', 'dissing'],
    why: 'criticising someone in public',
  },
  {
    say: ['compared', 'compare', 'comparing', 'compares', 'reminiscent of', 'echo', 'echoes'],
    means: ['echoing', 'same', 'similar'],
    why: 'a comparison',
  },
  {
    say: ['do anything', 'doing anything', 'did anything', 'done anything', 'do something', 'did something', 'take action', 'took action', 'came down hard on', 'come down hard on', 'coming down hard on', 'cracked down on', 'crack down on', 'threw the book at', 'throw the book at', 'do about', 'doing about', 'did about', 'done about', 'do to', 'did to', 'done to', 'punish', 'punishing', 'punishes', 'discipline', 'disciplining'],
    means: ['action', 'take action', 'disciplinary'],
    why: 'acting against someone',
  },
  {
    say: ['old', 'previous', 'ex', 'last', 'outgoing', 'used to hold', 'who held', 'used to have'],
    means: ['former', 'sitting'],
    why: 'a former holder of a post ("the old councillor"), who held it until the news ("the sitting Labour councillor")',
    thing: true,
  },
  {
    say: ['runner up', 'runner-up', 'runners up', 'came second', 'second place'],
    means: ['came second', 'second'],
    why: 'second place in a contest: what someone did, as winning is',
  },
  {
    say: ['admit', 'admits', 'admitted', 'confess', 'confessed', 'own up', 'owned up', 'admitting', 'conceded', 'concede', 'accepted', 'accepts'],
    means: ['accept', 'acknowledged', 'said', 'claimed', 'denies'],
    why: 'admitting (or denying) something',
  },
  {
    say: ['nick', 'nicked', 'steal', 'stole', 'stolen', 'pocketed', 'fiddle', 'fiddled', 'scam', 'scammed'],
    means: ['fraud'],
    why: 'fraud',
  },
  {
    say: ['straight away', 'right away', 'immediately', 'at once', 'asap'],
    means: ['immediate', 'immediately'],
    why: 'without delay',
  },
  {
    say: ['piece', 'pieces', 'op-ed', 'op ed', 'column', 'write-up', 'write up', 'writeup'],
    means: ['article', 'statement'],
    why: 'a piece of writing',
    thing: true,
  },
  {
    say: ['blogger', 'bloggers', 'blogged', 'blog post', 'post'],
    means: ['blog'],
    why: 'a blog and its writer',
    thing: true,
  },
  {
    // No article tells of anyone approving a decision: such questions must find no passage.
    say: ['sign off', 'signed off', 'signs off', 'signing off', 'sign off on', 'signed off on', 'rubber stamp', 'rubber stamped', 'green light', 'green lit', 'greenlit', 'approve', 'approved', 'approving', 'authorise', 'authorised', 'authorize', 'authorized', 'ok d', 'okayed'],
    means: ['approved', 'authorised'],
    why: 'approving a decision',
  },
  {
    say: ['kept his mouth shut', 'kept their mouth shut', 'kept her mouth shut', 'kept quiet', 'keep quiet', 'kept schtum', 'stayed quiet', 'stay quiet', 'stayed silent', 'said nothing', 'say nothing', 'kept silent', 'silent', 'silence', 'hide', 'hid', 'hides', 'hiding', 'hide behind', 'hid behind', 'hiding behind', 'lie low', 'lay low', 'laid low', 'lying low', 'keep his head down', 'kept his head down', 'keeping his head down'],
    means: ['refused to comment', 'failure to speak out', 'tight-lipped', 'delegate'],
    why: 'saying nothing in public ("the Labour leader has refused to comment publicly")',
    negative: true,
  },
  {
    say: ['agree to', 'agreed to', 'agrees to', 'agreeing to', 'say yes to', 'said yes to', 'go along with', 'went along with'],
    means: ['consented', 'consent', 'agreed'],
    why: 'consenting to something ("Ken has consented ... to be photographed")',
  },
  {
    say: ['make sure', 'made sure', 'making sure', 'makes sure', 'make certain', 'made certain', 'check', 'checked', 'checking', 'checks', 'double check', 'double checked', 'double-check', 'verify', 'verified', 'vet', 'vetted'],
    means: ['ensure', 'ensured', 'ensuring'],
    why: 'seeing (or checking) that something is so ("to ensure that the grounds were solid")',
  },
  {
    say: ['turn up', 'turned up', 'turning up', 'turns up', 'show up', 'showed up', 'showing up', 'shows up', 'appear', 'appeared', 'appearing', 'seen with', 'photo op with', 'walkabout', 'walkabouts', 'walk about', 'visit', 'visits', 'visited', 'visiting', 'went down', 'going down', 'go down'],
    means: ['appeared', 'appearance', 'appear', 'photographed', 'joined', 'came down'],
    why: 'appearing in public with someone, or coming to the borough ("He certainly came down to Tower Hamlets")',
  },
  {
    // Campaigning beside a candidate is an action done with someone: its roles count (see roles.ts).
    say: ['campaigning with', 'campaigned with', 'campaign with', 'campaigns with', 'out campaigning', 'canvassing with', 'canvassed with', 'stood alongside', 'standing alongside', 'stand alongside', 'campaigning alongside', 'campaigned alongside'],
    means: ['campaigned alongside', 'campaign trail', 'appeared publicly', 'joined', 'came down'],
    why: 'campaigning with a candidate in person',
  },
  {
    // Before "do anything" (acting against someone): doing something for someone is helping them.
    say: ['do anything for', 'did anything for', 'done anything for', 'doing anything for', 'do something for', 'did something for', 'do much for', 'did much for', 'lift a finger for', 'lifted a finger for'],
    means: ['help', 'support', 'photographed', 'campaigned'],
    why: 'helping someone (a candidate)',
  },
  {
    say: ['put out', 'puts out', 'published', 'publish', 'publishes', 'posted', 'posts', 'put up', 'went up', 'go up', 'goes up', 'came out', 'printed', 'ran'],
    means: ['appeared', 'filed', 'article', 'statement'],
    why: 'a statement or article made public ("an article by Ken Livingstone appeared on Socialist Unity")',
  },
  {
    say: ['accused of', 'accused', 'accusation', 'accusations', 'charged with', 'suspected of'],
    means: ['allegations', 'allegedly', 'alleged'],
    why: 'an accusation; the articles report allegations',
    thing: true,
  },
  {
    say: ['problem with', 'problems with', 'beef with', 'issue with', 'issues with', 'gripe with', 'grudge against', 'complaint about', 'complaint against', 'complaints about'],
    means: ['disappointed', 'hit out', 'breached', 'criticised', 'unfair'],
    why: 'a grievance against someone; the articles say who was disappointed or hit out',
    thing: true,
  },
  {
    say: ['camp', 'camps', 'aide', 'aides', 'press office', 'press team', 'mouthpiece'],
    means: ['spokesman', 'spokesmen'],
    why: 'who speaks for a politician ("kens camp" is "Ken’s spokesman")',
    thing: true,
  },
  {
    say: ['no-hope', 'no hope', 'unwinnable', 'no chance', 'lost cause', 'lost causes', 'hopeless'],
    means: ['hopeless', 'unlikely'],
    why: 'a contest a side cannot win ("hopeless Shortlands in Bromley")',
    thing: true,
  },
  {
    say: ['member of parliament', 'members of parliament'],
    means: ['mp', 'mps'],
    why: 'the title written out',
    thing: true,
  },
  {
    say: ['councillors', 'councillor', 'cllrs', 'cllr'],
    means: ['councillors', 'councillor'],
    why: 'chat spellings of councillor',
    thing: true,
  },
  {
    say: ['leaflet', 'flyer', 'flyers', 'leaflets', 'pamphlet'],
    means: ['leaflet', 'flyer'],
    why: 'campaign literature',
    thing: true,
  },
  {
    say: ['the tories', 'tories', 'tory', 'conservatives', 'conservative', 'cons'],
    means: ['tory', 'tories', 'conservative'],
    why: 'the Conservative party',
    thing: true,
  },
  {
    say: ['mayor', 'mayoral', 'mayoralty'],
    means: ['mayor', 'mayoral', 'mayoralty'],
    why: 'forms of mayor',
    thing: true,
  },
];

/** Single words users write that a paraphrase stands for ("punishment"): a typo of one is corrected to it. */
export const PARAPHRASED: ReadonlySet<string> = new Set(PARAPHRASES.flatMap((p) => p.say).filter((w) => !w.includes(' ')));
