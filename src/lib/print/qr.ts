// QR codes for printed material: the modules of a code that opens an address, for the PDF and the
// picture to draw. uqr encodes (zero dependencies, ISO/IEC 18004); drawing stays with each renderer,
// so a code in a PDF is vector shapes that print sharp at any size.
// BUILD-TIME ONLY.
import { encode } from 'uqr';

/** The dark (true) and light modules of a QR code for `text`, without its quiet zone. */
export function qrModules(text: string): boolean[][] {
  // Level M survives a scuffed or creased corner (about 15% of the code) and keeps a short
  // address at a small version, so each module stays large on an A4 poster.
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/** The code as an SVG picture: dark squares on a light square with a four-module quiet zone. */
export function qrSvg(modules: boolean[][], dark: string, light: string): string {
  const quiet = 4;
  const size = modules.length + 2 * quiet;
  const path = modules.flatMap((row, y) => row.map((on, x) => (on ? `M${x + quiet} ${y + quiet}h1v1h-1z` : ''))).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="${light}"/><path d="${path}" fill="${dark}"/></svg>`;
}
