import type { APIRoute } from 'astro';
import { handleReportPost } from '../../../report/http.ts';
import { clientAddressOf, getPipeline } from '../../../report/runtime.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress }) => {
  let pipeline;
  try {
    pipeline = await getPipeline();
  } catch {
    return new Response(JSON.stringify({ errors: [{ field: 'body', message: 'Reports cannot be received right now. Call 101, or 999 in an emergency' }] }), {
      status: 503,
      headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '60' },
    });
  }
  return handleReportPost(pipeline, request, clientAddressOf(request, clientAddress));
};
