// Each built page's Content-Security-Policy names only the inline styles and scripts that page
// has. Astro puts the hash of every inline block in the whole site into every page's policy (22 on
// the demo, about 1.2 kB): on Node the policy goes out as a header, which HTTP/1.1 sends
// uncompressed, and on Cloudflare as a <meta> in the page, where random hashes do not compress. On
// the translated finder pages those bytes alone pushed the first paint past one round trip (issue
// 13's 14,600 bytes). A shorter list also allows less.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;
const META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** A script the browser runs, which the policy governs (not JSON-LD or other data). */
const runs = (attributes: string) => !/\ssrc=/i.test(attributes) && /^(|module|(text|application)\/(javascript|ecmascript))$/i.test(/\stype="?([^"\s>]*)/i.exec(attributes)?.[1] ?? '');

/** The CSP source for each inline <style> and script the browser runs in a page ("sha256-…"). */
export function inlineHashes(html: string): Set<string> {
  const hashes = new Set<string>();
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (tag!.toLowerCase() === 'script' && !runs(attributes!)) continue;
    hashes.add(`sha256-${createHash('sha256').update(body!).digest('base64')}`);
  }
  return hashes;
}

/** The policy without the hashes of blocks that are not in the page; everything else as it was. */
export function trimPolicy(policy: string, keep: ReadonlySet<string>): string {
  return policy.replace(/ *'(sha256-[A-Za-z0-9+/=]+)'/g, (token, hash: string) => (keep.has(hash) ? token : ''));
}

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
export function trimPageCsp(outDir: string, client: string): { pages: number } {
  let pages = 0;
  const headersFile = join(outDir, '_headers.json');
  if (existsSync(headersFile)) {
    const entries = JSON.parse(readFileSync(headersFile, 'utf8')) as HeadersEntry[];
    for (const entry of entries) {
      const file = pageFile(client, entry.pathname);
      if (!file) continue;
      const keep = inlineHashes(readFileSync(file, 'utf8'));
      for (const header of entry.headers) {
        if (header.key.toLowerCase() === 'content-security-policy') header.value = trimPolicy(header.value, keep);
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
    const keep = inlineHashes(html);
    writeFileSync(file, html.replace(META, (_, open: string, policy: string, close: string) => open + trimPolicy(policy, keep) + close));
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
      'astro:build:done': ({ dir }) => {
        trimPageCsp(outDir, fileURLToPath(dir));
      },
    },
  };
}
