// Each built page's Content-Security-Policy names only the inline styles and scripts that page
// has (why: src/lib/page-policy.ts). On-demand pages are trimmed the same way by src/middleware.ts.
// Each page's own hashes are taken as the build renders it (./rendered-pages.ts), from the bytes
// the build writes: reading 11,700 pages back after a 10,000-service build took seconds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineBlocks, trimPolicy } from '../lib/page-policy.ts';
import { takeRenderedPages } from './rendered-pages.ts';

const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

interface HeadersEntry {
  pathname: string;
  headers: { key: string; value: string }[];
}

/** The same "sha256-…" source as the runtime's WebCrypto hashing, made synchronously (build only). */
export function pageHashes(html: string): Set<string> {
  return new Set(inlineBlocks(html).map((body) => `sha256-${createHash('sha256').update(body).digest('base64')}`));
}

/** One key for a page however its path is written: "/help", "/help/". */
const keyOf = (pathname: string) => pathname.replace(/\/+$/, '') || '/';

/** The built page for a path in the adapter's headers file: "/help" is help/index.html. */
function pageFile(client: string, pathname: string): string | undefined {
  const bare = pathname.replace(/\/+$/, '');
  return [join(client, bare, 'index.html'), join(client, `${bare}.html`)].find((f) => existsSync(f));
}

/**
 * Trims the policy in `<outDir>/_headers.json` (Node) and in each page's <meta> (Cloudflare).
 * `rendered` holds the hashes of pages taken as they were rendered; any other page is read.
 */
export function trimPageCsp(outDir: string, client: string, rendered: ReadonlyMap<string, Set<string>> = new Map()): { pages: number } {
  let pages = 0;
  const headersFile = join(outDir, '_headers.json');
  if (existsSync(headersFile)) {
    const entries = JSON.parse(readFileSync(headersFile, 'utf8')) as HeadersEntry[];
    for (const entry of entries) {
      let hashes = rendered.get(keyOf(entry.pathname));
      if (!hashes) {
        const file = pageFile(client, entry.pathname);
        if (!file) continue;
        hashes = pageHashes(readFileSync(file, 'utf8'));
      }
      for (const header of entry.headers) {
        if (header.key.toLowerCase() === 'content-security-policy') header.value = trimPolicy(header.value, hashes);
      }
      pages++;
    }
    writeFileSync(headersFile, JSON.stringify(entries));
  }
  // Prerendered pages carry their policy in a <meta> only on Cloudflare, where there is no headers file.
  else {
    for (const name of readdirSync(client, { recursive: true }).map(String)) {
      if (!name.endsWith('.html')) continue;
      const file = join(client, name);
      const html = readFileSync(file, 'utf8');
      if (!META.test(html)) continue;
      const [, open, policy, close] = META.exec(html)!;
      const own = trimPolicy(policy!, pageHashes(html));
      writeFileSync(file, html.replace(META, () => open! + own + close!));
      pages++;
    }
  }
  return { pages };
}

export function pageCspIntegration(): AstroIntegration {
  let outDir = '';
  let stopTaking = () => {};
  const rendered = new Map<string, Set<string>>();
  const decoder = new TextDecoder();
  return {
    name: 'see-the-signs:page-csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        stopTaking = takeRenderedPages(({ pathname, type, body }) => {
          if (type.startsWith('text/html')) rendered.set(keyOf(pathname), pageHashes(decoder.decode(body)));
        });
      },
      // After the adapter has written its headers file (the adapter's hooks run first).
      'astro:build:done': ({ dir }) => {
        stopTaking();
        trimPageCsp(outDir, fileURLToPath(dir), rendered);
      },
    },
  };
}
