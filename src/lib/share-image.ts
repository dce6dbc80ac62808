// The picture a link to the site shows when it is pasted into WhatsApp, Facebook or a text message
// (Open Graph). Its words live here, apart from the code that draws it, so every page's <head>
// (some rendered on request, in the Worker too) can give its description without the drawing code.
import type { Partnership } from '../schemas/partnership.ts';

export const SITE_SHARE_IMAGE = { src: '/share.png', width: 1200, height: 630 } as const;

/** A picture a page is shared with: its address on the site, size and description. */
export interface ShareImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export function siteShareWords(partnership: Partnership) {
  return {
    heading: partnership.name,
    line: 'Know the signs of child exploitation. Find help you can trust. Tell us what you see.',
    address: new URL(partnership.siteUrl).host,
  };
}

/** The site's own share picture, for every page without one of its own. */
export function siteShareImage(partnership: Partnership): ShareImage {
  const words = siteShareWords(partnership);
  return { ...SITE_SHARE_IMAGE, alt: `${words.heading}: ${words.line} ${words.address}` };
}
