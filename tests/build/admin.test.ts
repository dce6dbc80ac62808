// The content editor in the build: its configuration is the one the schemas generate today, its
// scripts come from this site only, and it is not a page of the site (sitemap, search, budgets).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { configYaml } from '../../src/integrations/admin.ts';
import { loadPartnership } from '../../src/integrations/partnership.ts';

const CLIENT = 'dist/client';
const partnership = loadPartnership('content/partnership.yaml');

describe('the content editor in the build', () => {
  test('its configuration is exactly what the schemas generate now (rebuild after changing a schema)', () => {
    expect(readFileSync(join(CLIENT, 'admin/config.yml'), 'utf8')).toBe(configYaml(partnership));
  });

  test('its page loads scripts from this site only, and needs no other host for any file', () => {
    const html = readFileSync(join(CLIENT, 'admin/index.html'), 'utf8');
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['/admin/cms.js', '/admin/decap-cms.js']);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The preview looks like the site: its stylesheet is named for the editor's preview pane.
    expect(html).toContain('<meta name="site-stylesheet" content="/admin/site.css">');
    expect(readFileSync('dist/client/admin/site.css', 'utf8')).toMatch(/--color-brand/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(/script-src 'self' 'unsafe-eval';/);
    expect(csp).toContain("default-src 'self'");
    // Every chunk Decap loads on demand is beside it.
    const main = readFileSync(join(CLIENT, 'admin/decap-cms.js'), 'utf8');
    expect(main).toContain('.decap-cms.js');
    expect(readdirSync(join(CLIENT, 'admin')).filter((f) => /^\d+\.decap-cms\.js$/.test(f)).length).toBeGreaterThan(50);
  });

  test('it is not in the sitemap', () => {
    const sitemaps = readdirSync(CLIENT).filter((f) => /^sitemap.*\.xml$/.test(f));
    for (const file of sitemaps) expect(readFileSync(join(CLIENT, file), 'utf8')).not.toContain('/admin');
  });

  test('it is not in the search index', () => {
    const fragments = join(CLIENT, 'pagefind/fragment');
    const urls = readdirSync(fragments).map((f) => (JSON.parse(gunzipSync(readFileSync(join(fragments, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string }).url);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => u.startsWith('/admin'))).toEqual([]);
  });
});
