// Files the build makes from content: each campaign's posters, each workplace's staff briefing and
// the favicon in the brand colour. Astro endpoints serve them (src/pages/campaigns/[id]/[download].ts,
// src/pages/businesses/[sector]/briefing.pdf.ts, src/pages/favicon.svg.ts), so
// they exist in every build and in `npm run dev`, and `npm run posters` writes the same ones to
// look at. Nothing here is committed: a change to a campaign or to partnership.yaml changes them.
// BUILD-TIME ONLY.
import type { Campaign } from '../../schemas/campaign.ts';
import { telHref } from '../../schemas/common.ts';
import { contactFor, type Partnership } from '../../schemas/partnership.ts';
import type { Sector } from '../../schemas/sector.ts';
import type { Service } from '../../schemas/service.ts';
import type { ResolvedRoute } from '../report-routes.ts';
import { pdfPageCount, renderPdf } from './pdf.ts';
import { renderPng, svgToPng } from './image.ts';
import { PAPER, sheetText, type Block, type Sheet } from './sheet.ts';
import { faviconSvg } from '../favicon.ts';

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
  /** Makes the file; the same call in one build is made once. */
  bytes: () => Promise<Uint8Array>;
}

const made = new Map<string, Promise<Uint8Array>>();
/** Each file is made once per build, however many pages ask for it (its page shows its size). */
const once = (key: string, make: () => Promise<Uint8Array>) => () => {
  let bytes = made.get(key);
  if (!bytes) made.set(key, (bytes = make()));
  return bytes;
};

/** A national helpline the poster prints, from its service file (where its source is kept). */
export interface PosterHelpline {
  /** "Tell Crimestoppers without giving your name". */
  words: string;
  number: string;
}

/** The poster's helpline line from a service (Crimestoppers: anonymous), if it has a phone line. */
export function posterHelpline(service: Pick<Service, 'name' | 'channels'> | undefined): PosterHelpline | undefined {
  const phone = service?.channels.find((c) => c.type === 'phone');
  return service && phone ? { words: `Tell ${service.name} without giving your name`, number: phone.value } : undefined;
}

/** The source code (src/reach/links.ts) the generated posters print, when the campaign lists it. */
export const POSTER_SOURCE = 'poster';

/** The A4 poster for a campaign, from its own frontmatter and the partnership's settings. */
export function campaignPosterSheet(id: string, campaign: Campaign, partnership: Partnership, helpline?: PosterHelpline): Sheet {
  // With a source coded `poster`, the poster prints its own link, so the reach page counts who came from it.
  const posterSource = campaign.shortLinks[0] && campaign.sources.some((s) => s.code === POSTER_SOURCE) ? `/${POSTER_SOURCE}` : '';
  const link = campaign.shortLinks[0] ? `${campaign.shortLinks[0]}${posterSource}` : `/campaigns/${id}/`;
  const address = `${new URL(partnership.siteUrl).host}${link}`;
  const emergency = contactFor(partnership, 'emergency').number;
  return {
    title: `${campaign.title} – ${partnership.name}`,
    author: partnership.name,
    lang: 'en-GB',
    size: PAPER.A4,
    colours: { background: partnership.brandColour, text: '#ffffff', paper: '#ffffff', ink: '#0b0c0c' },
    top: [
      { type: 'heading', text: campaign.title },
      { type: 'paragraph', text: campaign.tagline, size: 'large' },
    ],
    bottom: [
      {
        type: 'panel',
        blocks: [
          { type: 'paragraph', text: [{ text: `If someone is in danger now, call ${emergency}.`, bold: true }], size: 'large' },
          { type: 'paragraph', text: 'Worried about a child, or about a neighbour’s home? You do not need proof.' },
          { type: 'paragraph', text: [{ text: 'Find out more and tell us, anonymously if you want: ' }, { text: address, bold: true }] },
          ...(helpline ? [{ type: 'paragraph' as const, text: [{ text: `${helpline.words}: ` }, { text: helpline.number, bold: true }] }] : []),
        ],
      },
      { type: 'paragraph', text: [partnership.name, campaign.hashtag].filter(Boolean).join(' · '), size: 'small' },
      ...(partnership.demo ? [{ type: 'paragraph' as const, text: `Demonstration poster: ${partnership.area} is fictional.`, size: 'small' as const }] : []),
    ],
  };
}

/** The posters a campaign page offers: an A4 PDF to print and an A4 picture to share. */
export function campaignPosters(id: string, campaign: Campaign, partnership: Partnership, helpline?: PosterHelpline): DerivedFile[] {
  const sheet = campaignPosterSheet(id, campaign, partnership, helpline);
  const alt = `An A4 poster in the partnership's colour. It reads: ${sheetText(sheet).join(' ')}`;
  const key = JSON.stringify(sheet);
  return [
    { file: `/campaigns/${id}/poster-a4.pdf`, title: 'A4 poster to print (PDF)', alt, type: 'application/pdf', bytes: once(`pdf${key}`, () => renderPdf(sheet)) },
    // 1240 pixels wide: 150 dots an inch on A4, sharp on a phone and fine for social media.
    { file: `/campaigns/${id}/poster-a4.png`, title: 'A4 poster as a picture (PNG)', alt, type: 'image/png', bytes: once(`png${key}`, () => renderPng(sheet, 1240)) },
  ];
}

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
    bytes: once(`briefing${JSON.stringify(sheet)}`, async () => {
      const bytes = await renderPdf(sheet);
      const pages = pdfPageCount(bytes);
      if (pages !== 1) throw new Error(`content/sectors/${id}.mdx: its staff briefing prints on ${pages} pages, not one. Shorten or remove some signs or actions.`);
      return bytes;
    }),
  };
}

/** The icon a phone puts on its home screen (180 pixels square). */
export function touchIconPng(brandColour: string): Uint8Array {
  return svgToPng(faviconSvg(brandColour), 180);
}
