// Which requests are a person opening a page, decided from the request alone, the same on both
// targets. Only three kinds of header are looked at, and only for this yes or no: nothing from the
// request is kept but the page's path. The user agent, the address and the referrer are not read.

/** Reads a request header by its lower-case name. */
export type HeaderReader = (name: string) => string | null | undefined;

/**
 * True for a browser navigating to a page: a GET that every current browser marks
 * `Sec-Fetch-Dest: document` and `Sec-Fetch-Mode: navigate` (Chrome since 2019, Firefox since 2021,
 * Safari since 2023). Crawlers, link previewers, uptime checkers and scripts seldom send these, so
 * they are not counted, without the user agent being read. A prefetch or prerender, which the
 * person may never see, says so (`Sec-Purpose`, or `Purpose`, `X-Purpose`, `X-Moz` in older
 * browsers) and is not counted either.
 */
export function isVisit(method: string, header: HeaderReader): boolean {
  if (method !== 'GET') return false;
  if (header('sec-fetch-dest') !== 'document' || header('sec-fetch-mode') !== 'navigate') return false;
  return !header('sec-purpose') && !header('purpose') && !header('x-purpose') && !header('x-moz');
}

/** Responses that show the page: a page sent (200), or a page the browser already had (304). */
export const isShown = (status: number) => status === 200 || status === 304;

const MAX_PATH = 200;

/**
 * The name a page is counted under: its path, decoded, without the query (which could carry
 * anything) and with one form for each page: "/parents", "/parents/" and "/parents/index.html" are
 * all "/parents/". Files keep their name ("/reach.csv"). Undefined for a path not worth a row.
 */
export function pageSubject(pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!path.startsWith('/') || path.length > MAX_PATH || /[\u0000-\u001f\u007f]/.test(path)) return undefined;
  path = path.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === '' || last.includes('.') ? path : `${path}/`;
}
