// The icon a phone shows for the site on its home screen, in the brand colour (180 pixels square).
import type { APIRoute } from 'astro';
import partnership from 'virtual:see-the-signs/partnership';
import { iconPng, TOUCH_ICON_PX } from '../lib/favicon.ts';

export const GET: APIRoute = () => new Response(iconPng(partnership.brandColour, TOUCH_ICON_PX) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
