// Every /api/reports request on a target that routes through Astro (Cloudflare): handed whole to the
// report router, which checks the method, the origin and the path itself. (The Node server answers
// these paths before Astro, with the same router.)
import type { APIRoute } from 'astro';
import { reportRouter } from '#report-runtime';

export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
  const answer = await reportRouter().handle(request, clientAddress);
  return answer instanceof Response ? answer : new Response('Not found', { status: 404 });
};
