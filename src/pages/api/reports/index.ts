import type { APIRoute } from 'astro';
import { handleReportPost, unavailable } from '../../../report/http.ts';
import { clientAddressOf, getPipeline } from '../../../report/runtime.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress }) => {
  let pipeline;
  try {
    pipeline = await getPipeline();
  } catch (error) {
    return unavailable('pipeline', error);
  }
  return handleReportPost(pipeline, request, clientAddressOf(request, clientAddress));
};
