// Campaign short links, answered by each target's own front (the Node server, the Worker) before
// anything else, so that following one can be counted: "/SeeTheSigns" and, with a source code from
// the campaign's file, "/SeeTheSigns/poster". Posters are typed in by hand, in any case, so
// "/SEETHESIGNS/Poster" is the same link. No imports: it runs in the Node server and in the Worker.

/** Each short link (lower case, "/seethesigns") and what it leads to, made at build time from the campaign files. */
export type CampaignLinks = Readonly<Record<string, { campaign: string; sources: readonly string[] }>>;

/** The page a campaign's short links lead to. */
export const campaignPath = (campaign: string) => `/campaigns/${campaign}/`;

export interface ShortLinkAnswer {
  status: 302 | 307;
  location: string;
  /** What an arrival is counted under: "/seethesigns/poster", or "/seethesigns" without a known source code. */
  subject: string;
}

/**
 * Where a request for a short link goes, or undefined when the path is not one. Temporary (302, or
 * 307 to keep another method), never cached: a permanent redirect would be remembered by the
 * browser, so a second scan of the same poster would never reach the site to be counted, and a link
 * could never be pointed at a newer campaign. A source code the file does not list still leads to
 * the campaign, counted under the link alone.
 */
export function shortLink(links: CampaignLinks, method: string, pathname: string): ShortLinkAnswer | undefined {
  const named = linkNamed(links, pathname);
  if (!named) return undefined;
  const { link, source, campaign } = named;
  return {
    status: method === 'GET' || method === 'HEAD' ? 302 : 307,
    location: campaignPath(campaign),
    subject: source && links[link]!.sources.includes(source) ? `${link}/${source}` : link,
  };
}

/** The short link a path names, in any case ("/seethesigns", then any source code), and its campaign; undefined for any other path. */
export function linkNamed(links: CampaignLinks, pathname: string): { link: string; source: string | undefined; campaign: string } | undefined {
  const match = /^(\/[^/]+)(?:\/([^/]+))?\/*$/.exec(pathname.toLowerCase());
  if (!match) return undefined;
  const [, link, source] = match as unknown as [string, string, string | undefined];
  return Object.hasOwn(links, link) ? { link, source, campaign: links[link]!.campaign } : undefined;
}

/** The headers of a short link's answer. */
export const shortLinkHeaders = (answer: ShortLinkAnswer) => ({ location: answer.location, 'cache-control': 'no-store' });
