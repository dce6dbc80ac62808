// The site's icon in the partnership's brand colour, made by the build from partnership.yaml.
import type { APIRoute } from 'astro';
import partnership from 'virtual:see-the-signs/partnership';
import { faviconSvg } from '../lib/favicon.ts';

export const GET: APIRoute = () => new Response(faviconSvg(partnership.brandColour), { headers: { 'Content-Type': 'image/svg+xml' } });
