// The site's tab icon in the partnership's brand colour, drawn by the build from partnership.yaml
// (src/integrations/partnership.ts).
import type { APIRoute } from 'astro';
import png from 'virtual:see-the-signs/tab-icon';

export const GET: APIRoute = () => new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
