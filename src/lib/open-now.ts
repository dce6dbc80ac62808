// Is a line answered right now, and if not, when does it open? Worked out in the browser at the
// moment someone looks (a build can be days old), always in UK time. THIS FILE IS ALSO BUNDLED FOR
// THE BROWSER, so it stays small and imports no schema.
//
// UK wall-clock time is worked out from the instant by the UK's summer-time rule (ukOffset, below),
// so both clock changes are right whatever zone the device is set to, using only UTC arithmetic on
// the Date it is given (so Playwright's fake clock, which replaces Date, is honoured too).
import type { Service } from '../schemas/service.ts';

/**
 * Each status's name, in the order a page packs its words (packStatusLanguage). Listed apart from
 * OPEN_WORDS so that the English words stay out of the browser's bundle (the finder's script is at
 * the 4 kB budget); the type below keeps the two to the same names.
 */
const STATUS_KEYS = ['websiteAnyTime', 'open24', 'openUntil', 'closed', 'closedOpens', 'alsoWebsite', 'ukTime', 'today', 'tomorrow', 'onDay'] as const;

/**
 * The words of a status, in English. Other languages have them as "open.*" in their catalogue and
 * the page hands them to the script (OpenStatus.astro); "{time}" and the like are filled in here.
 */
export const OPEN_WORDS: Record<(typeof STATUS_KEYS)[number], string> = {
  websiteAnyTime: 'Website open any time',
  open24: 'Open now · 24 hours',
  openUntil: 'Open now · until {time}',
  closed: 'Closed now',
  closedOpens: 'Closed now · opens {when}',
  alsoWebsite: '{closed} · website open any time',
  ukTime: '{status}, UK time',
  today: '{time} today',
  tomorrow: '{time} tomorrow',
  onDay: '{time} {day}',
};

/**
 * The language a status is told in, every word of it finished at build time by the page
 * (lib/status-language.ts), where every language's names and clock are known: the browser then
 * formats nothing itself, and a browser with no data for the language (Chromium has no Welsh)
 * still says "9yb dydd Llun", not "09:00 Monday".
 */
export interface StatusLanguage {
  /** The status words: OPEN_WORDS in the page's language. */
  status: Record<keyof typeof OPEN_WORDS, string>;
  /** Each time the hours use ("17:00"), as the language says it ("5pm"); absent when it is the same. */
  times: Record<string, string>;
  /** The weekdays' names. */
  days: Record<Day, string>;
  /** The months' names as written beside a day's number ("stycznia"), January first. */
  months: string[];
  /** How a date beyond a week is written: "{weekday} {day} {month}". */
  date: string;
}
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Day = (typeof DAY_KEYS)[number];

/**
 * A StatusLanguage as the page carries it: lists in a fixed order instead of named fields, since
 * every byte counts on the longest finder pages (the names would be repeated in every language).
 */
export type PackedStatusLanguage = [status: string[], times: Record<string, string>, days: string[], months: string[], date: string];

export function packStatusLanguage(language: StatusLanguage): PackedStatusLanguage {
  return [STATUS_KEYS.map((k) => language.status[k]), language.times, DAY_KEYS.map((d) => language.days[d]), language.months, language.date];
}

export function unpackStatusLanguage([status, times, days, months, date]: PackedStatusLanguage): StatusLanguage {
  return {
    status: Object.fromEntries(STATUS_KEYS.map((k, i) => [k, status[i]!])) as StatusLanguage['status'],
    times,
    days: Object.fromEntries(DAY_KEYS.map((d, i) => [d, days[i]!])) as StatusLanguage['days'],
    months,
    date,
  };
}

/** Which dates are bank holidays: a Set, or the calendar that works them out (src/lib/bank-holidays.ts). */
export interface Holidays {
  has(date: string): boolean;
}

/** The parts of OpeningHours this needs; kept structural so the browser bundle imports no schema. */
export interface Hours {
  alwaysOpen?: boolean;
  weekly?: { days: readonly Day[]; opens: string; closes: string }[];
  bankHolidays?: 'usual' | 'closed';
}

/** One way to reach a service, as the browser sees it: its kind, and its hours if it has any. */
export interface Line {
  type: 'phone' | 'text' | 'webchat' | 'website' | 'email';
  hours?: Hours;
}

/** What a reader is told about a service or a line at one moment. */
export interface Status {
  /** True when it can be used now: a line is answered, or a website is there any time. */
  open: boolean;
  /** The words shown: "Open now · until 5pm", "Closed now · opens 9am Monday". */
  text: string;
}

/** 01:00 GMT on the last Sunday of a month (0 = January), as a time value: when the UK's clocks change. */
function lastSundayOf(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.setUTCDate(last.getUTCDate() - last.getUTCDay());
}

/**
 * Minutes the UK's clocks are ahead of GMT at an instant: 60 in British Summer Time, else 0. BST runs
 * from 01:00 GMT on the last Sunday in March to 01:00 GMT on the last Sunday in October (the Summer
 * Time Order 2002); tests/unit/open-now.test.ts holds this to the IANA time zone data's Europe/London
 * for every year from 1996 to 2099, and fails the day that data knows of a change.
 * Why a rule and not Intl.DateTimeFormat({ timeZone: 'Europe/London' }): the first date format a
 * page makes loads the browser's date data, one task of about 15 ms on this machine's CPU (four times that
 * in Lighthouse's mobile simulation), run just after the first paint on every page with an "open now": it was the
 * whole of those pages' blocking time (issue 13).
 */
export function ukOffset(instant: Date): number {
  const time = instant.getTime();
  const year = instant.getUTCFullYear();
  return time >= lastSundayOf(year, 2) && time < lastSundayOf(year, 9) ? 60 : 0;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The day of the week of a calendar date (YYYY-MM-DD), wherever the device is. */
const dayOf = (date: string): Day => DAY_KEYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The date, weekday and minute of the day in London at an instant. */
export function londonTime(instant: Date): { date: string; day: Day; minute: number } {
  // The UK's clock reading, held in a Date's UTC fields.
  const clock = new Date(instant.getTime() + ukOffset(instant) * 60_000);
  return { date: clock.toISOString().slice(0, 10), day: DAY_KEYS[clock.getUTCDay()]!, minute: clock.getUTCHours() * 60 + clock.getUTCMinutes() };
}

const closedOn = (hours: Hours, date: string, holidays: Holidays) => hours.bankHolidays === 'closed' && holidays.has(date);

/**
 * The slot that is open at that instant, if any. A slot past midnight (22:00–02:00) counts on both
 * days: from `opens` on a day it lists, until `closes` the morning after.
 */
function openSlot(hours: Hours, instant: Date, holidays: Holidays) {
  const now = londonTime(instant);
  const yesterday = addDays(now.date, -1);
  return (hours.weekly ?? []).find((slot) => {
    const opens = minutes(slot.opens);
    const closes = minutes(slot.closes);
    const today = slot.days.includes(now.day) && !closedOn(hours, now.date, holidays);
    if (closes > opens) return today && now.minute >= opens && now.minute < closes;
    return (today && now.minute >= opens)
      || (slot.days.includes(dayOf(yesterday)) && !closedOn(hours, yesterday, holidays) && now.minute < closes);
  });
}

/** True when the line is answered at that instant. */
export function isOpenAt(hours: Hours, instant: Date, holidays: Holidays): boolean {
  return !!hours.alwaysOpen || openSlot(hours, instant, holidays) !== undefined;
}

/**
 * When a closed line next opens, in London: the date and the time. Looks up to five weeks ahead, so
 * a run of bank holidays cannot hide it; undefined when the hours never open.
 */
export function nextOpening(hours: Hours, instant: Date, holidays: Holidays): { date: string; opens: string } | undefined {
  if (hours.alwaysOpen) return undefined;
  const now = londonTime(instant);
  for (let ahead = 0; ahead < 35; ahead++) {
    const date = addDays(now.date, ahead);
    if (closedOn(hours, date, holidays)) continue;
    const opens = (hours.weekly ?? [])
      .filter((slot) => slot.days.includes(dayOf(date)) && (ahead > 0 || minutes(slot.opens) > now.minute))
      .map((slot) => slot.opens)
      .sort()[0];
    if (opens) return { date, opens };
  }
  return undefined;
}

/**
 * "9am today", "9am tomorrow", "9am Monday", or beyond a week "9am Tuesday 29 December". For a
 * reader abroad, "today" in London may be their tomorrow, so they get the day's name instead.
 */
export function describeOpening(next: { date: string; opens: string }, instant: Date, abroad: boolean, language: StatusLanguage): string {
  const today = londonTime(instant).date;
  const time = language.times[next.opens] ?? next.opens;
  const words = language.status;
  const weekday = language.days[dayOf(next.date)];
  if (!abroad && next.date === today) return fill(words.today, { time });
  if (!abroad && next.date === addDays(today, 1)) return fill(words.tomorrow, { time });
  if (next.date < addDays(today, 7)) return fill(words.onDay, { time, day: weekday });
  const [, month, day] = next.date.split('-').map(Number) as [number, number, number];
  return fill(words.onDay, { time, day: fill(language.date, { weekday, day: String(day), month: language.months[month - 1]! }) });
}

const TIMED = new Set<Line['type']>(['phone', 'text', 'webchat']);

/**
 * What to tell a reader about a service (all its lines) or one line, at an instant. A website with
 * no hours is there at any time, so it counts as reachable; email is not, because nobody may read
 * it for days. `abroad` is true when the device is not on UK time: its times say ", UK time".
 */
export function statusAt(lines: readonly Line[], instant: Date, holidays: Holidays, abroad: boolean, language: StatusLanguage): Status | undefined {
  const words = language.status;
  const zoned = (status: string) => (abroad ? fill(words.ukTime, { status }) : status);
  const timed = lines.flatMap((l) => (l.hours && (TIMED.has(l.type) || l.type === 'website') ? [l.hours] : []));
  const website = lines.some((l) => l.type === 'website' && !l.hours);
  if (!timed.length) return website ? { open: true, text: words.websiteAnyTime } : undefined;
  if (timed.some((h) => h.alwaysOpen)) return { open: true, text: words.open24 };
  const open = timed.flatMap((h) => openSlot(h, instant, holidays) ?? []);
  if (open.length) {
    // The latest closing time of the lines open now; past midnight is later than any evening.
    const until = open.map((s) => s.closes).sort((a, b) => late(b) - late(a))[0]!;
    return { open: true, text: zoned(fill(words.openUntil, { time: language.times[until] ?? until })) };
  }
  // The soonest: "YYYY-MM-DDHH:MM" keys compared as plain strings, not with localeCompare, whose
  // first use loads the browser's collation data (a task of 12-50 ms just after the first paint).
  const when = (opening: { date: string; opens: string }) => `${opening.date}${opening.opens}`;
  const next = timed.flatMap((h) => nextOpening(h, instant, holidays) ?? []).reduce<{ date: string; opens: string } | undefined>((soonest, opening) => (soonest && when(soonest) <= when(opening) ? soonest : opening), undefined);
  const closed = next ? zoned(fill(words.closedOpens, { when: describeOpening(next, instant, abroad, language) })) : words.closed;
  return website ? { open: true, text: fill(words.alsoWebsite, { closed }) } : { open: false, text: closed };
}

/** Minutes after the opening day's midnight that a slot closes: 02:00 counts as 26:00. */
const late = (closes: string) => (minutes(closes) <= 6 * 60 ? minutes(closes) + 24 * 60 : minutes(closes));

/** A service's channels as the browser needs them: the kind and the hours, nothing more, so each
 * card carries as few bytes as it can. Email is left out (see statusAt). */
export function linesOf(channels: Service['channels']): Line[] {
  return channels.filter((c) => c.type !== 'email').map((c) => {
    if (!c.hours) return { type: c.type };
    const { alwaysOpen, weekly, bankHolidays } = c.hours;
    return { type: c.type, hours: alwaysOpen ? { alwaysOpen } : { weekly, bankHolidays } };
  });
}

/**
 * Lines as a card carries them (data-lines): only what statusAt reads, in a few characters instead of
 * JSON, whose quotes an HTML attribute spells `&quot;` (the finder's 22 cards carried 330 bytes of
 * gzip on /ur/help/, past one round trip). statusAt treats every timed line alike and a website
 * without hours as "any time", so a card needs each distinct set of hours once, and "w":
 * `*` open all the time; `0123456 09:00-23:00,6 10:00-14:00` weekly slots (days by number, Sunday
 * 0); a trailing `!` when it closes on bank holidays. Entries are joined by `;`.
 */
export function packLines(lines: readonly Line[]): string {
  const entries = new Set<string>();
  for (const l of lines) {
    if (l.hours && (TIMED.has(l.type) || l.type === 'website')) {
      const h = l.hours;
      const slots = (h.weekly ?? []).map((s) => `${s.days.map((d) => DAY_KEYS.indexOf(d)).join('')} ${s.opens}-${s.closes}`).join(',');
      entries.add(h.alwaysOpen ? '*' : `${slots}${h.bankHolidays === 'closed' ? '!' : ''}`);
    } else if (l.type === 'website') entries.add('w');
  }
  return [...entries].join(';');
}

/** The lines packLines wrote, as statusAt reads them (kept short: it is in every finder page's script). */
export const unpackLines = (packed: string): Line[] =>
  packed.split(';').filter(Boolean).map((entry): Line => entry === 'w' ? { type: 'website' } : {
    type: 'phone',
    hours: entry === '*' ? { alwaysOpen: true } : {
      bankHolidays: entry.endsWith('!') ? 'closed' : 'usual',
      weekly: entry.replace('!', '').split(',').map((slot) => {
        const [days, opens, closes] = slot.split(/[ -]/) as [string, string, string];
        return { days: [...days].map((d) => DAY_KEYS[+d]!), opens, closes };
      }),
    },
  });
