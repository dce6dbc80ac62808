// A printable sheet described once and rendered two ways: as a tagged, accessible PDF (pdf.ts, for
// printing) and as an SVG or PNG picture (image.ts, for screens and social media). Posters, the
// favicon, staff briefings and share images are all sheets made at build time from content, so
// nothing derived is committed and a re-brand changes every one of them.
// BUILD-TIME ONLY. Sizes are in points (1/72 inch), as print measures them.

/** A run of text, optionally bold, inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  /** Where a tap on it goes in the PDF: "tel:999", "sms:61016". Pictures cannot be tapped. */
  link?: string;
}

export type Block =
  /** The sheet's title (level 1) or a section heading (level 2). */
  | { type: 'heading'; text: string; level?: 1 | 2 }
  /** A paragraph; `size` scales it from the sheet's body size. */
  | { type: 'paragraph'; text: string | Run[]; size?: 'small' | 'normal' | 'large' }
  /** A bulleted list, or a numbered one (`ordered`) for steps. */
  | { type: 'list'; items: string[]; ordered?: boolean }
  /** A box in the paper colour with ink-coloured text, for what must stand out (who to call). */
  | { type: 'panel'; blocks: Block[] }
  /**
   * A QR code (dark on light, with its quiet zone) with words beside it. `alt` is what it is for
   * someone who cannot see it; `modules` come from src/lib/print/qr.ts.
   */
  | { type: 'qr'; modules: boolean[][]; alt: string; caption: Run[] };

export interface Sheet {
  /** The document title: the PDF's title, and the start of an image's description. */
  title: string;
  /** Who made it: the partnership's name. */
  author: string;
  /** The language of the text, for screen readers and hyphenation. */
  lang: string;
  /** Page size in points: A4, A3, or any size (a share image). */
  size: { width: number; height: number };
  /**
   * Scales the type and spacing from a page of this width: smaller for a sheet with much to say (a
   * staff briefing: 0.7) or a wide, short share image (0.8); 1 if left out.
   */
  scale?: number;
  /** The page colour and the text on it; panels use paper and ink. */
  colours: { background: string; text: string; paper: string; ink: string };
  /** Blocks from the top of the page down. */
  top: Block[];
  /** Blocks that sit at the foot of the page (a one-page sheet); after `top` when the text flows on. */
  bottom?: Block[];
}

/** ISO paper sizes in points. */
export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
} as const;

/** Type sizes in points for a sheet, scaled from A4 by width so an A3 poster reads the same at a distance. */
export function typeScale(sheet: Pick<Sheet, 'size' | 'scale'>) {
  const k = (sheet.size.width / PAPER.A4.width) * (sheet.scale ?? 1);
  // A QR code 3.5 cm across on A4 (4.9 cm on A3): phones read it from an arm's length.
  return { h1: 40 * k, h2: 22 * k, large: 22 * k, normal: 15 * k, small: 11 * k, padding: 51 * k, gap: 14 * k, panelPadding: 28 * k, qr: 100 * k };
}

/** A list's items as printed, each with its bullet or number. */
export const listLines = (b: Extract<Block, { type: 'list' }>) => b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'}  ${item}`);

/** The text of a paragraph, runs joined. */
export const plainText = (text: string | Run[]) => (typeof text === 'string' ? text : text.map((r) => r.text).join(''));

/** Every word on the sheet, in reading order: the basis of an image's text alternative. */
export function sheetText(sheet: Sheet): string[] {
  const walk = (blocks: Block[]): string[] =>
    blocks.flatMap((b) => {
      if (b.type === 'panel') return walk(b.blocks);
      if (b.type === 'list') return b.items;
      if (b.type === 'qr') return [`(${b.alt})`, plainText(b.caption)];
      return [b.type === 'heading' ? b.text : plainText(b.text)];
    });
  return [...walk(sheet.top), ...walk(sheet.bottom ?? [])];
}
