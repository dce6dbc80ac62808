// How many services a pre-built filtered list shows per page: short enough to stay within the
// page budget on a phone, however large the directory grows.
export const SERVICES_PER_PAGE = 25;

/**
 * The most services one /help/ group lists. The demo's groups are far smaller; a directory of
 * thousands would otherwise make /help/ a page of megabytes (17 MB at 10,000 services), too big for
 * a phone and the longest page of the build. The rest of a longer group are in the pre-built lists
 * by audience and by need, which list every service.
 */
export const HELP_GROUP_LIMIT = 50;

/**
 * What /help/ lists of each group: at most `limit` services (the first, in the group's order), and
 * how many the group has. `complete` is false when any group is cut short: then the page's finder,
 * which filters only the cards on the page, would give wrong answers, and the lists by audience and
 * by need (every service) take its place.
 */
export function listedGroups<G extends { entries: readonly unknown[] }>(groups: readonly G[], limit = HELP_GROUP_LIMIT) {
  const listed = groups.map((group) => ({ ...group, count: group.entries.length, entries: group.entries.slice(0, limit) as G['entries'] }));
  return { groups: listed, complete: listed.every((g) => g.count === g.entries.length) };
}
