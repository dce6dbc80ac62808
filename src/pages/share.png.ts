// The picture a link to any page shows in a chat or a post, unless the page has its own (a
// campaign's): made by the build from partnership.yaml (src/lib/share-image.ts says what it shows).
import type { APIRoute } from 'astro';
import partnership from 'virtual:see-the-signs/partnership';
import { siteSharePng } from '../lib/print/derived.ts';

export const GET: APIRoute = async () => new Response(await siteSharePng(partnership) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
