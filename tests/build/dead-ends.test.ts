// No dead ends: on every built page, a phone number a reader can see is one they can tap (a tel: or
// sms: link), and no <Call … /> an editor wrote reaches the page as code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const CLIENT = 'dist/client';
// The same shapes as the content test: 999, 101, 0800 1111, 116 000, 85258... A file's size
// ("111 KB" beside a download) is not a number to call.
const PHONE = /(?<![\d/.,-])(?:999|101|111|0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}|116 ?\d{3}|\d{5})(?![\d/,-]|\.\d| ?[kKM]B\b)/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The words a reader sees outside links they can tap to call or text. */
function untappableText(html: string): string {
  return html
    .replace(/<(script|style|noscript-never)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<a [^>]*href="(?:tel|sms):[^"]*"[^>]*>[\s\S]*?<\/a>/g, ' ')
    // A table's caption names the line its rows describe; the tappable number is just above it.
    .replace(/<caption[^>]*>[\s\S]*?<\/caption>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

const pages = htmlFiles(CLIENT).map((file) => ({ path: `/${relative(CLIENT, file)}`.replace(/index\.html$/, ''), html: readFileSync(file, 'utf8') }));

describe('every number on every page can be tapped', () => {
  test('there are pages to read', () => expect(pages.length).toBeGreaterThan(50));
  for (const page of pages) {
    test(page.path, () => {
      const text = untappableText(page.html);
      expect([...text.matchAll(PHONE)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 10))).toEqual([]);
      expect(text).not.toContain('<Call');
    });
  }
});
