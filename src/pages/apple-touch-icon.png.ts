// The icon a phone shows for the site on its home screen, in the brand colour (180 pixels square).
import type { APIRoute } from 'astro';
import partnership from 'virtual:see-the-signs/partnership';
import { touchIconPng } from '../lib/favicon.ts';

export const GET: APIRoute = () => new Response(touchIconPng(partnership.brandColour) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
