// Whether the build makes the staff briefing PDFs (src/integrations/briefing-pdfs.ts), from the
// checked settings (BRIEFING_PDFS). Read by the integration and by the pages that link to the PDFs,
// so a link never points at nothing.
import { readBuildSettings } from '../settings.ts';

export function briefingPdfsEnabled(): boolean {
  return readBuildSettings(process.env).briefingPdfs;
}
