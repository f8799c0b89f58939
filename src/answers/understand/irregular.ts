/**
 * Irregular verb forms, which the Porter stemmer leaves apart ("ran" / "running", "won" / "win",
 * "told" / "tell"): a question and an article often use different tenses. English has a closed list
 * of them; these are the ones news about party politics uses. Each line is one verb's forms.
 */
const FORMS = `
run ran running runs | win won winning wins | lose lost losing loses | tell told telling tells |
say said saying says | go went gone going goes | take took taken taking takes | give gave given giving gives |
stand stood standing stands | think thought thinking thinks | get got gotten getting gets |
make made making makes | come came coming comes | leave left leaving leaves | meet met meeting meets |
send sent sending sends | speak spoke spoken speaking speaks | write wrote written writing writes |
choose chose chosen choosing chooses | throw threw thrown throwing throws | fight fought fighting fights |
bring brought bringing brings | begin began begun beginning begins | break broke broken breaking breaks |
keep kept keeping keeps | lead led leading leads | beat beaten beating beats | hold held holding holds |
know knew known knowing knows | see saw seen seeing sees | show showed shown showing shows |
find found finding finds | hear heard hearing hears | become became becoming becomes |
seek sought seeking seeks | pay paid paying pays | feel felt feeling feels | buy bought buying buys |
forbid forbade forbidden forbidding forbids | drive drove driven driving drives | rise rose risen rising rises |
fall fell fallen falling falls | hide hid hidden hiding hides | sell sold selling sells | deal dealt dealing deals
`;

/** Each form → the verb's other forms. */
export const VERB_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  FORMS.split('|').flatMap((line) => {
    const forms = line.trim().split(/\s+/);
    return forms.map((f) => [f, forms.filter((o) => o !== f)] as [string, string[]]);
  }),
);
