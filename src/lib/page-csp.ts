// A page's Content-Security-Policy names only the inline styles and scripts that page has. Astro puts
// the hash of every inline block in the whole site, and of every script file, into every page's
// policy (about 1.6 kB on the demo): on Node and from the Worker the policy of an on-demand page goes
// out as a header, which HTTP/1.1 sends uncompressed, and on Cloudflare a prerendered page carries it
// as a <meta>, where random hashes do not compress. On the translated finder and report pages those
// bytes alone pushed the first paint past one round trip (issue 13's 14,600 bytes). A shorter list
// also allows less. Used at build (src/integrations/page-csp.ts) and per request (src/middleware.ts),
// so THIS FILE IS SHARED by the Node server and the Worker: Web Crypto only.

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/** A script the browser runs, which the policy governs (not JSON-LD or other data). */
const runs = (attributes: string) => !/\ssrc=/i.test(attributes) && /^(|module|(text|application)\/(javascript|ecmascript))$/i.test(/\stype="?([^"\s>]*)/i.exec(attributes)?.[1] ?? '');

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}

/** The CSP source for each inline <style> and script the browser runs in a page ("sha256-…"). */
export async function inlineHashes(html: string): Promise<Set<string>> {
  const hashes = new Set<string>();
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (tag!.toLowerCase() === 'script' && !runs(attributes!)) continue;
    hashes.add(await sha256(body!));
  }
  return hashes;
}

/** The policy without the hashes of blocks that are not in the page; everything else as it was. */
export function trimPolicy(policy: string, keep: ReadonlySet<string>): string {
  return policy.replace(/ *'(sha256-[A-Za-z0-9+/=]+)'/g, (token, hash: string) => (keep.has(hash) ? token : ''));
}
