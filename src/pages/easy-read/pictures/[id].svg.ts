// Each Easy Read picture, copied at build time from the installed OpenMoji package (nothing derived
// is committed). Served from this site like every other file.
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { loadPictures, pictureSource } from '../../../lib/easy-read.ts';

export function getStaticPaths() {
  return Object.entries(loadPictures().pictures).map(([id, p]) => ({ params: { id }, props: { file: pictureSource(p.code).file } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { file: string }).file), { headers: { 'content-type': 'image/svg+xml' } });
