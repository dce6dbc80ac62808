// On Cloudflare, static files are served by the platform, not by our code: their headers come from
// `_headers` in the client folder. This writes the same security headers the Node server sends.
// Page policies with script hashes travel in each page's <meta> CSP (Astro's output without
// staticHeaders); the header adds what a meta policy cannot carry, such as frame-ancestors.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { IMMUTABLE, IMMUTABLE_FOLDERS } from '../lib/cache-policy.ts';
import { ADMIN_PATH, PAGE_HEADER_CSP, SEARCH_WORKER_CSP, SECURITY_HEADERS, securityHeadersFor } from '../lib/security-headers.ts';

/**
 * `existing` is what the adapter wrote. Caching matches the Node server's (cache-policy.ts):
 * Cloudflare already sends `public, max-age=0, must-revalidate` for static files, and compresses
 * them itself; the hashed folders are kept for a year, each named once (two rules for one path
 * add their values up: the adapter names /_astro/ itself).
 */
export function headersFileContent(existing = ''): string {
  const common = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n');
  const named = (folder: string) => existing.split('\n').some((line) => line.trim() === `${folder}*`);
  return [
    '/*',
    common,
    `  Content-Security-Policy: ${PAGE_HEADER_CSP}`,
    '',
    // The search worker obeys the policy sent with its own script.
    '/pagefind/*',
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${SEARCH_WORKER_CSP}`,
    '',
    // The content editor opens a sign-in window it must hear back from (see securityHeadersFor).
    `${ADMIN_PATH}/*`,
    '  ! Cross-Origin-Opener-Policy',
    `  Cross-Origin-Opener-Policy: ${securityHeadersFor(`${ADMIN_PATH}/`)['Cross-Origin-Opener-Policy']}`,
    '',
    ...IMMUTABLE_FOLDERS.filter((folder) => !named(folder)).flatMap((folder) => [`${folder}*`, `  Cache-Control: ${IMMUTABLE}`, '']),
  ].join('\n');
}

export function cloudflareHeadersIntegration(): AstroIntegration {
  return {
    name: 'see-the-signs:cloudflare-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const file = fileURLToPath(new URL('./_headers', dir));
        const existing = await readFile(file, 'utf8').catch(() => '');
        await writeFile(file, `${headersFileContent(existing)}\n${existing}`);
      },
    },
  };
}
