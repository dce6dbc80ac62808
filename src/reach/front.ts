// What each target's front (the Node server's listener, the Worker's fetch) does for reach, in one
// place: answer short links, and count a visit once its answer is known. Counting is a map lookup;
// writing the counts is the target's timer's job (the counter), never the request's.
import type { ReachCounter } from './counter.ts';
import { shortLink, type CampaignLinks, type ShortLinkAnswer } from './links.ts';
import { isShown, isVisit, pageSubject, type HeaderReader } from './visit.ts';

export class ReachFront {
  private readonly links: CampaignLinks;
  /** Undefined when counting is off (REACH_COUNTING=off): short links still work. */
  private readonly counter: ReachCounter | undefined;

  constructor(links: CampaignLinks, counter: ReachCounter | undefined) {
    this.links = links;
    this.counter = counter;
  }

  /** The answer for a short link, the arrival counted if a person followed it; undefined for any other path. */
  shortLink(method: string, pathname: string, header: HeaderReader): ShortLinkAnswer | undefined {
    const answer = shortLink(this.links, method, pathname);
    if (answer && this.counter && isVisit(method, header)) this.counter.add('arrival', answer.subject);
    return answer;
  }

  /** Whether a request could be a view, so the front need only watch for the answer of those. */
  mayCount(method: string, header: HeaderReader): boolean {
    return this.counter !== undefined && isVisit(method, header);
  }

  /** Counts a view of the page at `pathname` if the answer showed it. Call only when mayCount() said so. */
  answered(pathname: string, status: number): void {
    if (!isShown(status)) return;
    const subject = pageSubject(pathname);
    if (subject) this.counter?.add('view', subject);
  }
}
