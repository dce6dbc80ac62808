// Makes each campaign's posters (A4 PDF and PNG) from its own frontmatter, in Chromium, into
// public/campaigns/<id>/. Run after changing a campaign: node scripts/make-posters.ts
// The files are committed, so building the site never needs a browser.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './lib/chromium.ts';
import { loadPartnership } from '../src/integrations/partnership.ts';
import { escapeHtml } from '../src/lib/html.ts';
import { readMdx } from './lib/content.ts';

const partnership = loadPartnership('content/partnership.yaml');
// The number comes from the service's own file, where its source and checked date live.
const crimestoppers = (readMdx('services').find((s) => s.file.endsWith('/crimestoppers.md'))!.data.channels as { type: string; value: string }[]).find((c) => c.type === 'phone')!.value;

function posterHtml(c: Record<string, unknown>, shortLink: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 0 }
    html, body { margin: 0; width: 210mm; height: 297mm; font-family: system-ui, "DejaVu Sans", Arial, sans-serif; }
    body { display: flex; flex-direction: column; justify-content: space-between; padding: 18mm; box-sizing: border-box; background: ${partnership.brandColour}; color: #fff; }
    h1 { font-size: 40pt; line-height: 1.05; margin: 0 0 10mm; }
    .tagline { font-size: 22pt; line-height: 1.25; margin: 0; }
    .box { background: #fff; color: #0b0c0c; padding: 10mm; font-size: 15pt; line-height: 1.4; }
    .box strong { font-size: 19pt; }
    .foot { font-size: 12pt; }
    .demo { border: 2px solid #fff; padding: 3mm; font-size: 11pt; }
  </style></head><body>
    <div><h1>${escapeHtml(String(c.title))}</h1><p class="tagline">${escapeHtml(String(c.tagline))}</p></div>
    <div class="box">
      <p><strong>If someone is in danger now, call 999.</strong></p>
      <p>Worried about a child, or about a neighbour's home? You do not need proof.</p>
      <p>Find out more and tell us, anonymously if you want:<br><strong>${escapeHtml(new URL(shortLink, partnership.siteUrl).host + shortLink)}</strong></p>
      <p>Tell Crimestoppers without giving your name: <strong style="white-space:nowrap">${crimestoppers}</strong></p>
    </div>
    <div class="foot"><p>${escapeHtml(partnership.name)} ${c.hashtag ? `· ${escapeHtml(String(c.hashtag))}` : ''}</p>
    ${partnership.demo ? '<p class="demo">Demonstration poster: Anytown is fictional.</p>' : ''}</div>
  </body></html>`;
}

const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.5 });
for (const campaign of readMdx('campaigns')) {
  const id = campaign.file.replace(/^content\/campaigns\//, '').replace(/\.mdx$/, '');
  const links = (campaign.data.shortLinks as string[] | undefined) ?? [];
  const out = join('public', 'campaigns', id);
  mkdirSync(out, { recursive: true });
  await page.setContent(posterHtml(campaign.data, links[0] ?? `/campaigns/${id}/`));
  await page.pdf({ path: join(out, 'poster-a4.pdf'), format: 'A4', printBackground: true });
  await page.screenshot({ path: join(out, 'poster-a4.png'), fullPage: false });
  console.log(`${out}/poster-a4.pdf and .png`);
}
await browser.close();
