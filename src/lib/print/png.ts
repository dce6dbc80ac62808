// An SVG as a PNG (resvg rasterises it without a browser). Its own module, so that the icons load
// only resvg and not the sheets' layout (satori and its fonts).
import { Resvg } from '@resvg/resvg-js';

/** Renders an SVG (a sheet's, or the site icon's) as a PNG `widthPx` wide. */
export function svgToPng(svg: string, widthPx: number): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: widthPx }, font: { loadSystemFonts: false } }).render().asPng();
}
