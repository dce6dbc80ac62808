// Files the build makes from content: each campaign's pack (campaign-pack.ts), each workplace's
// staff briefing, and the site's share picture (the icons: src/lib/favicon.ts). Astro endpoints
// serve them (src/pages/campaigns/[id]/[download].ts, src/pages/businesses/[sector]/briefing.pdf.ts,
// src/pages/share.png.ts), so they exist in every build and in `npm run dev`, and
// `npm run posters` writes the same ones to look at. Nothing here is committed: a change to a campaign or to partnership.yaml changes them.
// BUILD-TIME ONLY.
import { telHref } from '../../schemas/common.ts';
import type { Partnership } from '../../schemas/partnership.ts';
import type { Sector } from '../../schemas/sector.ts';
import type { ResolvedRoute } from '../report-routes.ts';
import { SITE_SHARE_IMAGE, siteShareWords } from '../share-image.ts';
import { pdfPageCount, renderPdf } from './pdf.ts';
import { renderPng } from './image.ts';
import { PAPER, type Block, type Sheet } from './sheet.ts';

/** A file the build makes, with what a download link needs to say about it. */
export interface DerivedFile {
  /** Its address on the site. */
  file: string;
  /** The link text: "A4 poster (PDF)". */
  title: string;
  /** What it shows, for people who cannot see it. */
  alt: string;
  /** Its media type. */
  type: string;
  /** What it is for: a poster, a picture for social media, the pack of them all, or a staff briefing. */
  kind: 'poster' | 'share' | 'pack' | 'briefing';
  /** A picture's size in pixels. */
  width?: number;
  height?: number;
  /** Makes the file; the same call in one build is made once. */
  bytes: () => Promise<Uint8Array>;
}

const made = new Map<string, Promise<Uint8Array>>();
/** Each file is made once per build, however many pages ask for it (its page shows its size). */
export const once = (key: string, make: () => Promise<Uint8Array>) => () => {
  let bytes = made.get(key);
  if (!bytes) made.set(key, (bytes = make()));
  return bytes;
};

/** The picture a link to any page shows, unless the page has its own (a campaign's). */
export function siteShareSheet(partnership: Partnership): Sheet {
  const words = siteShareWords(partnership);
  return {
    title: partnership.name,
    author: partnership.name,
    lang: 'en-GB',
    size: { width: SITE_SHARE_IMAGE.width, height: SITE_SHARE_IMAGE.height },
    scale: 0.8,
    colours: { background: partnership.brandColour, text: '#ffffff', paper: '#ffffff', ink: '#0b0c0c' },
    top: [{ type: 'heading', text: words.heading }, { type: 'paragraph', text: words.line, size: 'large' }],
    bottom: [{ type: 'paragraph', text: [{ text: words.address, bold: true }] }],
  };
}

export const siteSharePng = (partnership: Partnership) => once(`site-share${JSON.stringify(partnership)}`, () => renderPng(siteShareSheet(partnership), SITE_SHARE_IMAGE.width))();

const checkedDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A workplace's one-page staff briefing, from its file in content/sectors/ and the numbers its
 * report routes resolve to (so the sheet prints the numbers the site shows). The same words as the
 * briefing page, /businesses/<id>/briefing/, which people can also print from their browser.
 */
export function briefingSheet(id: string, sector: Sector, routes: readonly ResolvedRoute[], partnership: Partnership): Sheet {
  const site = new URL(partnership.siteUrl).host;
  return {
    title: `Staff briefing: ${sector.title} – ${partnership.name}`,
    author: partnership.name,
    lang: 'en-GB',
    size: PAPER.A4,
    // Seven signs, six steps and five numbers on one sheet: smaller type than a poster's.
    scale: 0.68,
    colours: { background: '#ffffff', text: '#0b0c0c', paper: partnership.brandColour, ink: '#ffffff' },
    top: [
      { type: 'paragraph', text: [{ text: `Staff briefing · ${partnership.name}`, bold: true }], size: 'small' },
      { type: 'heading', text: `${sector.title}: spot the signs of exploitation` },
      { type: 'paragraph', text: `Criminals use children and vulnerable adults to carry and sell drugs and money. As ${sector.staff}, you may be the only adult who sees it.` },
      { type: 'heading', level: 2, text: 'Look out for' },
      { type: 'list', items: sector.signs.map((s) => s.noticed) },
      { type: 'paragraph', text: [{ text: 'A child being exploited may not look or act like a victim.', bold: true }, { text: ' They may seem confident, rude or in on it. They are still a child, and a victim.' }] },
      { type: 'heading', level: 2, text: 'What to do' },
      { type: 'list', ordered: true, items: sector.actions },
    ],
    bottom: [
      {
        type: 'panel',
        blocks: [
          { type: 'heading', level: 2, text: 'Who to tell' },
          ...routes.map((r): Block => ({
            type: 'paragraph',
            text: [
              { text: `${r.when}: ${r.action} `, bold: true },
              { text: r.number, bold: true, link: r.action === 'text' ? `sms:${r.number.replace(/\s+/g, '')}` : telHref(r.number) },
              { text: ` (${r.name.replace(/\s*\(demo number\)$/i, '')}${r.demo ? ', demo number' : ''})` },
            ],
          })),
          { type: 'paragraph', text: [{ text: 'Or tell the partnership online, without giving your name: ' }, { text: `${site}/report/`, bold: true }] },
        ],
      },
      {
        type: 'paragraph',
        size: 'small',
        text: `More signs, and where each comes from: ${site}/businesses/${id}/ · Signs checked ${checkedDate.format(sector.checked)}.${partnership.demo ? ` Demonstration briefing: ${partnership.area} is fictional and its local numbers reach no one.` : ''}`,
      },
    ],
  };
}

/**
 * The briefing as a tagged A4 PDF. A briefing that would spill onto a second sheet stops the build,
 * naming the file to shorten: a staff room gets one sheet.
 */
export function sectorBriefing(id: string, sector: Sector, routes: readonly ResolvedRoute[], partnership: Partnership): DerivedFile {
  const sheet = briefingSheet(id, sector, routes, partnership);
  return {
    file: `/businesses/${id}/briefing.pdf`,
    title: 'Staff briefing to print (PDF, one A4 page)',
    alt: `A one-page staff briefing for ${sector.staff}.`,
    type: 'application/pdf',
    kind: 'briefing',
    bytes: once(`briefing${JSON.stringify(sheet)}`, async () => {
      const bytes = await renderPdf(sheet);
      const pages = pdfPageCount(bytes);
      if (pages !== 1) throw new Error(`content/sectors/${id}.mdx: its staff briefing prints on ${pages} pages, not one. Shorten or remove some signs or actions.`);
      return bytes;
    }),
  };
}
