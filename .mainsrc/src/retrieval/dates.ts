/**
 * Date and time expressions: years and decades, calendar dates, weekdays and relative expressions
 * ("yesterday", "last Saturday", "four weeks before the poll", "a couple of weekends ago").
 * Written for news text: a bare "now" or "Evening" (Evening Standard) is not a date, and "October 21"
 * has no year unless the article's publication date gives one.
 */

export type DateKind = 'year' | 'decade' | 'calendar' | 'weekday' | 'relative';

export interface DateMention {
  start: number;
  end: number;
  kind: DateKind;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_SHORT = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const NUMBER = '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|a few|a couple of|(?:some|just|only|about|nearly|almost) (?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))';
const UNIT = '(?:minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|years?|decades?)';
const PERIOD = '(?:week|weekend|month|year|night|morning|afternoon|evening|spring|summer|autumn|winter|term|session)';

/** Longest expressions first, so "the day after tomorrow" wins over "tomorrow". */
const PATTERNS: [DateKind, RegExp][] = [
  ['relative', new RegExp(`\\b${NUMBER} ${UNIT} (?:ago|earlier|later|before|after|previously|beforehand)(?: (?:the|this|that|his|her|its|their) [\\p{L}-]+(?: [\\p{L}-]+)?(?= [.,;:]|[.,;:]|$))?`, 'giu')],
  ['relative', /\bthe day (?:after|before) (?:tomorrow|yesterday)\b/gi],
  ['relative', new RegExp(`\\b(?:earlier|later) (?:today|tonight|this ${PERIOD})\\b`, 'gi')],
  ['relative', new RegExp(`\\b(?:(?:just|only) )?(?:last|this|next|past|coming) ${PERIOD}(?:['’]s)?\\b`, 'gi')],
  // An election or conference is how political news dates things: "at the last council election".
  ['relative', /\b(?:the )?(?:last|next|previous|coming|upcoming|forthcoming) (?:(?:council|general|local|mayoral|party|london) )?(?:elections?|poll|by-?elections?|conference)\b/gi],
  ['relative', new RegExp(`\\bin (?:recent|the coming|the past|the last|the next) (?:\\w+ )?${UNIT}\\b|\\bin the ${UNIT} to come\\b`, 'gi')],
  ['relative', /\b(?:today|tonight|yesterday|tomorrow)(?:['’]s)?\b/gi],
  ['calendar', new RegExp(`\\b(?:(?:${WEEKDAYS}),? )?(?:${MONTHS}|(?:${MONTH_SHORT})\\.?) \\d{1,2}(?:st|nd|rd|th)?(?:,? (?:1[89]|20)\\d\\d)?\\b`, 'gi')],
  ['calendar', new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})(?:,? (?:1[89]|20)\\d\\d)?\\b`, 'gi')],
  ['calendar', new RegExp(`\\b(?:${MONTHS}) (?:1[89]|20)\\d\\d\\b`, 'gi')],
  ['weekday', new RegExp(`\\b(?:(?:last|next|this|on|until|by|since) )?(?:${WEEKDAYS})(?:['’]s)?\\b`, 'gi')],
  ['decade', /\b(?:the )?(?:1[89]|20)\d0s\b/gi],
  ['year', /(?<![\d.,£$€-])\b(?:1[89]|20)\d\d\b(?![\d%]|[.,]\d| per ?cent| percent)/g],
];

/** Month names that are also ordinary words only count as months next to a day or year. */
const AMBIGUOUS_MONTH = /^(?:may|march)\b/i;

/** Date expressions of a text, left to right, without overlaps. `offset` is added to positions. */
export function findDates(text: string, offset = 0): DateMention[] {
  const found: DateMention[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end - offset && end > f.start - offset)) continue;
      if (kind === 'weekday' && !/^\p{Lu}/u.test(m[0].replace(/^(last|next|this|on|until|by|since) /i, ''))) continue;
      if (kind === 'calendar' && AMBIGUOUS_MONTH.test(m[0]) && !/\d/.test(m[0])) continue;
      found.push({ start: start + offset, end: end + offset, kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const DAY_MS = 86_400_000;
const WEEKDAY_INDEX = WEEKDAYS.split('|');

/**
 * A calendar date for a date expression, when the article's publication date makes it certain:
 * today/yesterday/tomorrow, "N days/weeks ago", "last <weekday>", and a month-day without a year.
 * Anything vaguer ("last week", "Thursday's election") stays as written.
 */
export function resolveDate(expression: string, published: string | undefined): string | undefined {
  if (!published) return undefined;
  const base = Date.parse(`${published}T12:00:00Z`);
  if (Number.isNaN(base)) return undefined;
  const e = expression.toLowerCase().replace(/['’]s$/, '');
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (/^(today|tonight|earlier today|later today)$/.test(e)) return iso(base);
  if (e === 'yesterday') return iso(base - DAY_MS);
  if (e === 'tomorrow') return iso(base + DAY_MS);
  if (e === 'the day after tomorrow') return iso(base + 2 * DAY_MS);
  if (e === 'the day before yesterday') return iso(base - 2 * DAY_MS);
  const ago = /^(\d+|one|two|three|four|five|six|seven) (day|week)s? ago$/.exec(e);
  if (ago) {
    const n = Number(ago[1]) || ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].indexOf(ago[1]!) + 1;
    return iso(base - n * (ago[2] === 'week' ? 7 : 1) * DAY_MS);
  }
  const lastDay = /^last (\w+)$/.exec(e);
  if (lastDay && WEEKDAY_INDEX.includes(lastDay[1]!)) {
    const target = (WEEKDAY_INDEX.indexOf(lastDay[1]!) + 1) % 7; // Date#getUTCDay: Sunday = 0
    let back = (new Date(base).getUTCDay() - target + 7) % 7;
    if (back === 0) back = 7;
    return iso(base - back * DAY_MS);
  }
  const monthDay = new RegExp(`^(${MONTHS}) (\\d{1,2})(?:st|nd|rd|th)?$`).exec(e) ?? new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTHS})$`).exec(e);
  if (monthDay) {
    const [month, day] = /^\d/.test(monthDay[1]!) ? [monthDay[2]!, monthDay[1]!] : [monthDay[1]!, monthDay[2]!];
    const m = MONTHS.split('|').indexOf(month) + 1;
    return `${published.slice(0, 4)}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return undefined;
}
