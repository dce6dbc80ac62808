// A campaign's whole pack, made by the build from the campaign's own file: A4 and A3 posters (PDF to
// print, PNG to share) whose words speak to the campaign's audience, each with a QR code that opens
// its short link; share images for link previews (1200×630) and for social posts (square 1080 and
// story 1080×1920); a text alternative for every picture; and one ZIP of all of it.
// BUILD-TIME ONLY.
import { strToU8, zipSync } from 'fflate';
import type { Campaign } from '../../schemas/campaign.ts';
import { AUDIENCE_LABELS, type Audience } from '../../schemas/common.ts';
import { contactFor, type Partnership } from '../../schemas/partnership.ts';
import type { Service } from '../../schemas/service.ts';
import { campaignDates } from '../campaign-dates-text.ts';
import { once, type DerivedFile } from './derived.ts';
import { renderPdf } from './pdf.ts';
import { renderPng } from './image.ts';
import { qrModules } from './qr.ts';
import { campaignPackPath } from '../campaign-schedule.ts';
import { PAPER, sheetText, type Block, type Run, type Sheet } from './sheet.ts';

/** The national helplines posters may print, by service id; each number comes from its service file. */
export const POSTER_SERVICES = ['childline', 'nspcc-helpline', 'crimestoppers'] as const;
export type PosterServices = Partial<Record<(typeof POSTER_SERVICES)[number], Pick<Service, 'name' | 'channels'>>>;

interface Words {
  /** The first thing anyone reads: what to do in danger ({number} is the emergency line). */
  danger: string;
  /** Who the poster is talking to, and why they should act. */
  worry: string;
  /** Beside the QR code, before the address. */
  tell: string;
  /** A helpline for this audience: the service, and the words before its number. */
  helpline?: { service: (typeof POSTER_SERVICES)[number]; words: (name: string, alwaysOpen: boolean) => string };
}

/**
 * A poster speaks to one audience, the campaign's first: a poster for pupils does not speak to
 * parents. Children who are exploited are victims: nothing here blames them, and nothing promises
 * what the partnership cannot keep.
 */
const WORDS: Record<Audience, Words> = {
  parent: {
    danger: 'If a child is in danger now, call {number}.',
    worry: 'Worried about your child, or a child you know? Trust your instinct: you do not need proof.',
    tell: 'Learn the signs, and tell us what you have noticed, anonymously if you want:',
    helpline: { service: 'nspcc-helpline', words: (name) => `Talk it through with the ${name}: ` },
  },
  'young-person': {
    danger: 'If you are in danger now, call {number}.',
    worry: 'Being made to carry, hold or sell something? Owe someone and feel you can’t say no? It is not your fault.',
    tell: 'Find help you can trust:',
    helpline: { service: 'childline', words: (name, alwaysOpen) => `Talk to ${name}, free${alwaysOpen ? ', day or night' : ''}. You don’t have to give your name: ` },
  },
  community: {
    danger: 'If someone is in danger now, call {number}.',
    worry: 'Worried about a child, or about a neighbour’s home? You do not need proof.',
    tell: 'Find out more and tell us, anonymously if you want:',
    helpline: { service: 'crimestoppers', words: (name) => `Or tell ${name} without giving your name: ` },
  },
  professional: {
    danger: 'If a child is in immediate danger, call {number}.',
    worry: 'Concerned a child is being exploited? Follow your safeguarding procedures and share what you know today.',
    tell: 'Signs, referral routes and the law:',
  },
  business: {
    danger: 'If someone is in danger now, call {number}.',
    worry: 'Seen something at work that worries you about a young person? You do not need proof.',
    tell: 'Find out more and tell us, anonymously if you want:',
    helpline: { service: 'crimestoppers', words: (name) => `Or tell ${name} without giving your name: ` },
  },
};

/** The audience a campaign's printed words speak to: its first. */
export const posterAudience = (campaign: Pick<Campaign, 'audiences'>): Audience => campaign.audiences[0] ?? 'community';

/** What the campaign's pictures need to say, worked out once. */
interface Context {
  id: string;
  campaign: Campaign;
  partnership: Partnership;
  words: Words;
  /** "seethesigns.example.org/SeeTheSigns": on the share pictures. */
  address: string;
  /** "seethesigns.example.org/SeeTheSigns/poster": printed on the posters, and typed in from one. */
  posterAddress: string;
  /** The full addresses: the campaign's link, and the posters' (the one their QR code opens). */
  url: string;
  posterUrl: string;
  helpline?: Run[];
  /** A professional's poster gives the partnership's children's services line instead. */
  local?: Run[];
}

/** The source code (src/reach/links.ts) the posters print, when the campaign lists it: the reach page then counts arrivals from posters apart. */
export const POSTER_SOURCE = 'poster';

function context(id: string, campaign: Campaign, partnership: Partnership, services: PosterServices): Context {
  const link = campaign.shortLinks[0] ?? `/campaigns/${id}/`;
  const posterLink = campaign.shortLinks[0] && campaign.sources.some((s) => s.code === POSTER_SOURCE) ? `${link}/${POSTER_SOURCE}` : link;
  const site = new URL(partnership.siteUrl);
  // The campaign's own poster words, when its file has them, replace the usual ones for its audience.
  const usual = WORDS[posterAudience(campaign)];
  const words = campaign.posterWords ? { ...usual, worry: campaign.posterWords } : usual;
  const service = words.helpline && services[words.helpline.service];
  const phone = service?.channels.find((c) => c.type === 'phone');
  const alwaysOpen = !!(phone && 'hours' in phone && phone.hours?.alwaysOpen);
  const children = partnership.contacts.find((c) => c.key === 'children');
  return {
    id,
    campaign,
    partnership,
    words,
    address: `${site.host}${link}`,
    posterAddress: `${site.host}${posterLink}`,
    url: new URL(link, site).href,
    posterUrl: new URL(posterLink, site).href,
    ...(service && phone && words.helpline ? { helpline: [{ text: words.helpline.words(service.name, alwaysOpen) }, { text: phone.value, bold: true }] } : {}),
    ...(!words.helpline && children ? { local: [{ text: `${children.label}: ` }, { text: children.number, bold: true }] } : {}),
  };
}

const danger = (c: Context): Run[] => [{ text: c.words.danger.replace('{number}', contactFor(c.partnership, 'emergency').number), bold: true }];
const footer = (c: Context): Block[] => [
  { type: 'paragraph', text: [c.partnership.name, c.campaign.hashtag].filter(Boolean).join(' · '), size: 'small' },
  ...(c.partnership.demo ? [{ type: 'paragraph' as const, text: `Demonstration: ${c.partnership.area} is fictional.`, size: 'small' as const }] : []),
];
const colours = (p: Partnership) => ({ background: p.brandColour, text: '#ffffff', paper: '#ffffff', ink: '#0b0c0c' });

/** A poster on A4 or A3: the same words, type scaled to the paper. */
export function posterSheet(c: Context, paper: keyof typeof PAPER): Sheet {
  return {
    title: `${c.campaign.title} – ${c.partnership.name}`,
    author: c.partnership.name,
    lang: 'en-GB',
    size: PAPER[paper],
    colours: colours(c.partnership),
    top: [
      { type: 'heading', text: c.campaign.title },
      { type: 'paragraph', text: c.campaign.tagline, size: 'large' },
    ],
    bottom: [
      {
        type: 'panel',
        blocks: [
          { type: 'paragraph', text: danger(c), size: 'large' },
          { type: 'paragraph', text: c.words.worry },
          { type: 'qr', modules: qrModules(c.posterUrl), alt: `QR code: opens ${c.posterAddress}`, caption: [{ text: `${c.words.tell} ` }, { text: c.posterAddress, bold: true }] },
          ...(c.helpline ? [{ type: 'paragraph' as const, text: c.helpline }] : []),
          ...(c.local ? [{ type: 'paragraph' as const, text: c.local }] : []),
        ],
      },
      ...footer(c),
    ],
  };
}

/** The sizes of picture the pack offers for social media, in pixels. */
export const SHARE_IMAGES = {
  /** Link previews (Open Graph, X, WhatsApp, LinkedIn): 1.91:1. */
  preview: { name: 'share-1200x630.png', width: 1200, height: 630, title: 'Link preview picture (1200 × 630)' },
  square: { name: 'share-square-1080.png', width: 1080, height: 1080, title: 'Square picture for posts (1080 × 1080)' },
  story: { name: 'share-story-1080x1920.png', width: 1080, height: 1920, title: 'Story picture (1080 × 1920)' },
} as const;

/** A share image: the campaign's name and tagline, then where to go; the tall ones say more. */
export function shareSheet(c: Context, kind: keyof typeof SHARE_IMAGES): Sheet {
  const { width, height } = SHARE_IMAGES[kind];
  const go: Block = { type: 'paragraph', text: [{ text: `${c.words.tell} ` }, { text: c.address, bold: true }] };
  return {
    title: c.campaign.title,
    author: c.partnership.name,
    lang: 'en-GB',
    size: { width, height },
    // A wide, short picture needs smaller type for the same words to fit.
    scale: kind === 'preview' ? 0.8 : kind === 'story' ? 1.15 : 1,
    colours: colours(c.partnership),
    top: [
      { type: 'heading', text: c.campaign.title },
      { type: 'paragraph', text: c.campaign.tagline, size: 'large' },
    ],
    bottom: kind === 'preview'
      ? [go, ...footer(c)]
      : [{ type: 'panel', blocks: [...(kind === 'story' ? [{ type: 'paragraph' as const, text: danger(c) }] : []), { type: 'paragraph', text: c.words.worry }, go] }, ...footer(c)],
  };
}

/** What a picture shows, for people who cannot see it, and to paste beside it in a post. */
function describe(what: string, sheet: Sheet): string {
  return `${what} in the partnership’s colour. It reads: ${sheetText(sheet).join(' ')}`;
}

/** The pack's note: what each file is, its description, and the words to post with it. */
function packNote(c: Context, files: DerivedFile[]): string {
  const lines = [
    `${c.campaign.title}: campaign pack from ${c.partnership.name}`,
    '',
    `Dates: ${campaignDates(c.campaign)}`,
    `Link: ${c.url}`,
    ...(c.posterUrl !== c.url ? [`The posters’ link and QR code (counted apart on the reach page): ${c.posterUrl}`] : []),
    ...(c.campaign.hashtag ? [`Hashtag: ${c.campaign.hashtag}`] : []),
    `Written for: ${AUDIENCE_LABELS[posterAudience(c.campaign)]}`,
    '',
    'Words to post:',
    c.campaign.shareText,
    '',
    'When you post a picture, paste its description as the picture’s alternative text (alt text), so',
    'people who use a screen reader hear what it says.',
    '',
    ...files.flatMap((f) => [`${f.file.split('/').at(-1)}: ${f.title}`, `  ${f.alt}`, '']),
  ];
  return lines.join('\r\n');
}

/** Every file of a campaign's pack, posters first, the ZIP of them all last. */
export function campaignPack(id: string, campaign: Campaign, partnership: Partnership, services: PosterServices): DerivedFile[] {
  const c = context(id, campaign, partnership, services);
  const key = JSON.stringify([id, campaign, partnership, services]);
  const base = `/campaigns/${id}/`;
  const posters = (['A4', 'A3'] as const).flatMap((paper): DerivedFile[] => {
    const sheet = posterSheet(c, paper);
    const alt = describe(`An ${paper} poster`, sheet);
    const lower = paper.toLowerCase();
    return [
      { file: `${base}poster-${lower}.pdf`, title: `${paper} poster to print (PDF)`, alt, type: 'application/pdf', kind: 'poster', bytes: once(`${key}pdf${paper}`, () => renderPdf(sheet)) },
      // 150 dots an inch: sharp on a phone and on social media, and a fair print.
      { file: `${base}poster-${lower}.png`, title: `${paper} poster as a picture (PNG)`, alt, type: 'image/png', kind: 'poster', bytes: once(`${key}png${paper}`, () => renderPng(sheet, paper === 'A4' ? 1240 : 1754)) },
    ];
  });
  const shares = (Object.keys(SHARE_IMAGES) as (keyof typeof SHARE_IMAGES)[]).map((kind): DerivedFile => {
    const sheet = shareSheet(c, kind);
    const { name, width, height, title } = SHARE_IMAGES[kind];
    return { file: `${base}${name}`, title, alt: describe('A picture', sheet), type: 'image/png', kind: 'share', width, height, bytes: once(`${key}${kind}`, () => renderPng(sheet, width)) };
  });
  const parts = [...posters, ...shares];
  const pack: DerivedFile = {
    file: campaignPackPath(id),
    title: 'The whole pack: every poster and picture, with their descriptions (ZIP)',
    alt: `Every file above, and a note with each picture’s description and the words to post.`,
    type: 'application/zip',
    kind: 'pack',
    bytes: once(`${key}zip`, async () => {
      const entries = Object.fromEntries(await Promise.all(parts.map(async (f) => [f.file.split('/').at(-1)!, await f.bytes()] as const)));
      // PDFs and PNGs are compressed already: stored as they are, and the same bytes every build.
      return zipSync({ ...entries, 'read-me.txt': strToU8(packNote(c, parts)) }, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') });
    }),
  };
  return [...parts, pack];
}
