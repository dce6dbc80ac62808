// How many services a pre-built filtered list shows per page: short enough to stay within the
// page budget on a phone, however large the directory grows.
export const SERVICES_PER_PAGE = 25;

/**
 * The most services a page lists one by one where it would otherwise list them all: each /help/
 * group, and the search page's list of every page. The demo has 22; a directory of thousands would
 * make /help/ a page of megabytes (17 MB at 10,000 services) and /search/ one of a megabyte, too
 * big for a phone and the slowest pages of the build. The pre-built lists by audience and by need
 * list every service, 25 to a page.
 */
export const SERVICES_LISTED_IN_FULL = 50;

/**
 * What /help/ lists of each group: at most `limit` services (the first, in the group's order), and
 * how many the group has. `complete` is false when any group is cut short: then the page's finder,
 * which filters only the cards on the page, would give wrong answers, and the lists by audience and
 * by need (every service) take its place.
 */
export function listedGroups<G extends { entries: readonly unknown[] }>(groups: readonly G[], limit = SERVICES_LISTED_IN_FULL) {
  const listed = groups.map((group) => ({ ...group, count: group.entries.length, entries: group.entries.slice(0, limit) as G['entries'] }));
  return { groups: listed, complete: listed.every((g) => g.count === g.entries.length) };
}
