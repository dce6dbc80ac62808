// Whether the build makes the staff briefing PDFs (see src/integrations/briefing-pdfs.ts). Read by
// the integration and by the pages that link to the PDFs, so a link never points at nothing.
export function briefingPdfsEnabled(): boolean {
  return (process.env.BRIEFING_PDFS ?? 'on').toLowerCase() !== 'off';
}
