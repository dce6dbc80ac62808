import type { APIRoute } from 'astro';
import { handleTokenRequest, unavailable } from '../../../report/http.ts';
import { getPipeline } from '../../../report/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  try {
    return await handleTokenRequest(await getPipeline());
  } catch (error) {
    return unavailable('pipeline', error);
  }
};
