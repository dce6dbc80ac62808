// GitHub sign-in for the content editor at /admin: /api/cms/auth and /api/cms/callback.
// The work is in src/cms/oauth.ts, the same on the Node server and the Worker.
import type { APIRoute } from 'astro';
import { handleCmsAuth } from '../../../cms/oauth.ts';
import { currentSettings } from '#report-runtime';

export const prerender = false;

export const GET: APIRoute = ({ request }) => handleCmsAuth(request, currentSettings().cms.github);
