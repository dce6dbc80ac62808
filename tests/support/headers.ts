// The security headers every response must carry, whichever target sends it.
import { expect } from '@playwright/test';
import { inlineHashes } from '../../src/lib/page-policy.ts';

export function expectSecurityHeaders(h: Record<string, string>): void {
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['set-cookie']).toBeUndefined();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-inline');
}

/**
 * A page's policy names exactly the hashes of its own inline blocks (src/lib/page-policy.ts): none
 * missing, which would block them, and none of other pages', bytes of a header on every response.
 */
export async function expectOwnPolicy(policy: string, html: string, where: string): Promise<void> {
  const listed = new Set([...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!));
  const own = await inlineHashes(html);
  expect(own.size, `${where} has inline blocks`).toBeGreaterThan(0);
  expect([...own].filter((h) => !listed.has(h)), `${where}: blocks of its own not listed`).toEqual([]);
  expect([...listed].filter((h) => !own.has(h)), `${where}: hashes of other pages`).toEqual([]);
}
