// The security headers every response must carry, whichever target sends it.
import { expect } from '@playwright/test';
import { inlineHashes } from '../../src/lib/page-csp.ts';

export function expectSecurityHeaders(h: Record<string, string>): void {
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['set-cookie']).toBeUndefined();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-inline');
}

/**
 * A page's policy names exactly the hashes of its own inline styles and scripts (src/lib/page-csp.ts):
 * none missing, which would block them, and none of other pages', bytes on every response.
 */
export async function expectOwnHashesOnly(policy: string, html: string): Promise<void> {
  const listed = new Set([...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!));
  const own = await inlineHashes(html);
  expect([...own].filter((h) => !listed.has(h)), 'inline blocks of its own not listed').toEqual([]);
  expect([...listed].filter((h) => !own.has(h)), 'hashes of blocks not in the page').toEqual([]);
}
