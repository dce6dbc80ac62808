// Files the build makes from content: each campaign's posters and the favicon in the brand colour.
// Astro endpoints serve them (src/pages/campaigns/[id]/[download].ts, src/pages/favicon.svg.ts), so
// they exist in every build and in `npm run dev`, and `npm run posters` writes the same ones to
// look at. Nothing here is committed: a change to a campaign or to partnership.yaml changes them.
// BUILD-TIME ONLY.
import type { Campaign } from '../../schemas/campaign.ts';
import { contactFor, type Partnership } from '../../schemas/partnership.ts';
import type { Service } from '../../schemas/service.ts';
import { renderPdf } from './pdf.ts';
import { renderPng, svgToPng } from './image.ts';
import { PAPER, sheetText, type Sheet } from './sheet.ts';

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

/** The A4 poster for a campaign, from its own frontmatter and the partnership's settings. */
export function campaignPosterSheet(id: string, campaign: Campaign, partnership: Partnership, helpline?: PosterHelpline): Sheet {
  const link = campaign.shortLinks[0] ?? `/campaigns/${id}/`;
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

/** The site's icon in the brand colour: a warning triangle, readable at 16 pixels. */
export function faviconSvg(brandColour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${brandColour}"/><path d="M16 6 27 25H5z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/><path d="M16 13v6" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="22" r="1.6" fill="#fff"/></svg>`;
}

/** The icon a phone puts on its home screen (180 pixels square). */
export function touchIconPng(brandColour: string): Uint8Array {
  return svgToPng(faviconSvg(brandColour), 180);
}
