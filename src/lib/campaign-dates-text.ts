// A campaign's dates in words, true on any day: "1 December 2026 to 6 January 2027", or
// "from 1 January 2026" for one with no end. (Pages never say "now" or "ended" where the words are
// fixed at build: which list a campaign is in is decided when the list is asked for.)
import type { CampaignWindow } from './campaign-schedule.ts';

const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 December 2026" (the day written in the file, whatever the reader's time zone). */
export function dayText(date: Date): string {
  return long.format(date);
}

export function campaignDates({ start, end }: CampaignWindow): string {
  return end ? `${dayText(start)} to ${dayText(end)}` : `from ${dayText(start)}`;
}
