// Files the build makes from content: each campaign's pack (campaign-pack.ts), the site's share
// picture, and the favicon in the brand colour.
// Astro endpoints serve them (src/pages/campaigns/[id]/[download].ts, src/pages/favicon.svg.ts), so
// they exist in every build and in `npm run dev`, and `npm run posters` writes the same ones to
// look at. Nothing here is committed: a change to a campaign or to partnership.yaml changes them.
// BUILD-TIME ONLY.
import type { Partnership } from '../../schemas/partnership.ts';
import { SITE_SHARE_IMAGE, siteShareWords } from '../share-image.ts';
import { renderPng, svgToPng } from './image.ts';
import type { Sheet } from './sheet.ts';
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
  /** What it is for: a poster, a picture for social media, or the pack of them all. */
  kind: 'poster' | 'share' | 'pack';
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

/** The icon a phone puts on its home screen (180 pixels square). */
export function touchIconPng(brandColour: string): Uint8Array {
  return svgToPng(faviconSvg(brandColour), 180);
}
