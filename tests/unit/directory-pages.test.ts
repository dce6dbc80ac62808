// /help/ lists a bounded number of each group's services (src/lib/directory-pages.ts), so that a
// directory of thousands does not make it a page of megabytes; the finder is offered only when
// every service is on the page.
import { describe, expect, test } from 'vitest';
import { SERVICES_LISTED_IN_FULL, listedGroups } from '../../src/lib/directory-pages.ts';

const group = (id: string, size: number) => ({ id, entries: Array.from({ length: size }, (_, i) => `${id}-${i}`) });

describe('listedGroups', () => {
  test('groups within the limit are listed whole, and the finder is offered', () => {
    const { groups, complete } = listedGroups([group('talk', 8), group('other', SERVICES_LISTED_IN_FULL)]);
    expect(groups.map((g) => [g.count, g.entries.length])).toEqual([[8, 8], [SERVICES_LISTED_IN_FULL, SERVICES_LISTED_IN_FULL]]);
    expect(complete).toBe(true);
  });

  test('a longer group lists its first services and says how many it has; then there is no finder', () => {
    const { groups, complete } = listedGroups([group('talk', 3), group('other', 9_997)], 50);
    expect(groups[1]).toMatchObject({ id: 'other', count: 9_997 });
    expect(groups[1]!.entries).toEqual(group('other', 50).entries);
    expect(groups[0]!.entries).toHaveLength(3);
    expect(complete).toBe(false);
  });
});
