// The site's icon in the brand colour. Its own module, free of the print renderers, because the
// report form serves it at request time too (src/pages/report/icon.svg.ts), not only the build.

/** The site's icon in the brand colour: a warning triangle, readable at 16 pixels. */
export function faviconSvg(brandColour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${brandColour}"/><path d="M16 6 27 25H5z" fill="none" stroke="#fff" stroke-width="3" stroke-linejoin="round"/><path d="M16 13v6" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="16" cy="22" r="1.6" fill="#fff"/></svg>`;
}
