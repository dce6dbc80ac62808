// The security headers every response must carry, whichever target sends it.
import { expect } from '@playwright/test';

export function expectSecurityHeaders(h: Record<string, string>): void {
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['set-cookie']).toBeUndefined();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).not.toContain('unsafe-inline');
}
