// Each built page's Content-Security-Policy names only the inline styles and scripts that page
// has (why: src/lib/page-policy.ts). On-demand pages are trimmed the same way by src/middleware.ts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ownPolicy } from '../lib/page-policy.ts';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

interface HeadersEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/** The built page for a path in the adapter's headers file: "/help" is help/index.html. */
function pageFile(client: string, pathname: string): string | undefined {
  const bare = pathname.replace(/\/+$/, '');
  return [join(client, bare, 'index.html'), join(client, `${bare}.html`)].find((f) => existsSync(f));
}

/** Trims the policy in `<outDir>/_headers.json` (Node) and in each page's <meta> (Cloudflare). */
export async function trimPageCsp(outDir: string, client: string): Promise<{ pages: number }> {
  let pages = 0;
  const headersFile = join(outDir, '_headers.json');
  if (existsSync(headersFile)) {
    const entries = JSON.parse(readFileSync(headersFile, 'utf8')) as HeadersEntry[];
    for (const entry of entries) {
      const file = pageFile(client, entry.pathname);
      if (!file) continue;
      const html = readFileSync(file, 'utf8');
      for (const header of entry.headers) {
        if (header.key.toLowerCase() === 'content-security-policy') header.value = await ownPolicy(header.value, html);
      }
      pages++;
    }
    writeFileSync(headersFile, JSON.stringify(entries));
  }
  for (const name of readdirSync(client, { recursive: true }).map(String)) {
    if (!name.endsWith('.html')) continue;
    const file = join(client, name);
    const html = readFileSync(file, 'utf8');
    if (!META.test(html)) continue;
    const [, open, policy, close] = META.exec(html)!;
    const own = await ownPolicy(policy!, html);
    writeFileSync(file, html.replace(META, () => open! + own + close!));
    pages++;
  }
  return { pages };
}

export function pageCspIntegration(): AstroIntegration {
  let outDir = '';
  return {
    name: 'see-the-signs:page-csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // After the adapter has written its headers file (the adapter's hooks run first).
      'astro:build:done': async ({ dir }) => {
        await trimPageCsp(outDir, fileURLToPath(dir));
      },
    },
  };
}
