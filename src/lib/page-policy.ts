// A page's Content-Security-Policy should name only the inline styles and scripts that page has.
// Astro puts the hash of every inline block in the whole site into every page's policy (about 24
// on the demo, 1.3 kB). On Node the policy is a header, which HTTP/1.1 sends uncompressed; on
// Cloudflare a prerendered page carries it in a <meta>, where random hashes do not compress either.
// Those bytes alone pushed translated pages past the first round trip (issue 13's 14,600 bytes),
// and a shorter list also allows less. Used at build time for prerendered pages
// (src/integrations/page-csp.ts) and on each request for on-demand ones (src/middleware.ts), so this
// file must stay platform-neutral: WebCrypto, no node: imports.

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

/** A script the browser runs, which the policy governs (not JSON-LD or other data). */
const runs = (attributes: string) =>
  !/\ssrc=/i.test(attributes) && /^(|module|(text|application)\/(javascript|ecmascript))$/i.test(/\stype="?([^"\s>]*)/i.exec(attributes)?.[1] ?? '');

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `sha256-${btoa(String.fromCharCode(...digest))}`;
}

/** The text of each inline <style> and script the browser runs in a page, which the policy hashes. */
export function inlineBlocks(html: string): string[] {
  const bodies: string[] = [];
  for (const [, tag, attributes, body] of html.matchAll(INLINE)) {
    if (tag!.toLowerCase() === 'script' && !runs(attributes!)) continue;
    bodies.push(body!);
  }
  return bodies;
}

/** The CSP source for each inline <style> and script the browser runs in a page ("sha256-…"). */
export async function inlineHashes(html: string): Promise<Set<string>> {
  return new Set(await Promise.all(inlineBlocks(html).map(sha256)));
}

/** The policy without the hashes of blocks that are not in the page; everything else as it was. */
export function trimPolicy(policy: string, keep: ReadonlySet<string>): string {
  return policy.replace(/ *'(sha256-[A-Za-z0-9+/=]+)'/g, (token, hash: string) => (keep.has(hash) ? token : ''));
}

/** `policy` with only the hashes of `html`'s own inline blocks. */
export async function ownPolicy(policy: string, html: string): Promise<string> {
  return trimPolicy(policy, await inlineHashes(html));
}
