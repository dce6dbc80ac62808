import type { APIRoute } from 'astro';
import { handleTokenRequest } from '../../../report/http.ts';
import { getPipeline } from '../../../report/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async () => handleTokenRequest(await getPipeline());
