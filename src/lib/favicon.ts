// The site's icon in the brand colour: in the browser's tab and on a phone's home screen. Drawn
// by the build (the report form's copy too: src/integrations/partnership.ts), never at request time.
import { svgToPng } from './print/png.ts';

/** The site's icon in the brand colour: a warning triangle, readable at 16 pixels. */
export function faviconSvg(brandColour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${brandColour}"/><path d="M16 6 27 25H5z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/><path d="M16 13v6" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="22" r="1.6" fill="#fff"/></svg>`;
}

/** The tab icon's width and height in pixels: a 16-pixel tab icon on a screen of three pixels to the point. */
export const TAB_ICON_PX = 48;
/** The icon a phone puts on its home screen, in pixels square. */
export const TOUCH_ICON_PX = 180;

/**
 * The icon as a PNG `px` square, for the tab (TAB_ICON_PX) or a phone's home screen (TOUCH_ICON_PX).
 * Why not the SVG in the tab: Chromium draws an SVG icon by building a small document of its own on
 * the page's main thread, a task of about 4 ms just after the first paint (more on a busy phone),
 * which Lighthouse's four-times-slower simulation can count as blocking; a PNG is only decoded.
 */
export function iconPng(brandColour: string, px: number): Uint8Array {
  return svgToPng(faviconSvg(brandColour), px);
}
