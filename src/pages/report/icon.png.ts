// The report form's tab icon: the site's own, answered with Cache-Control: no-store, and linked at
// an address new on every visit so that no browser can answer it from its icon store.
// Why: Chromium keeps a page that is left whole in its back-forward cache and shows it again, typed
// words and all, when Back is pressed — even a page sent with Cache-Control: no-store, unless a request
// the page made was itself answered no-store. With JavaScript the form clears itself as it is left;
// without JavaScript this icon is the one such request a page can make, so it keeps the form out of
// that cache, and autocomplete="off" stops the browser refilling it when it is loaded again.
// (tests/e2e/back-and-reload-cached.spec.ts fails without it.) A PNG, like the site's own (why: src/lib/favicon.ts).
import type { APIRoute } from 'astro';
import png from 'virtual:see-the-signs/tab-icon';

export const prerender = false;

export const GET: APIRoute = () =>
  new Response(png as BodyInit, { headers: { 'content-type': 'image/png', 'cache-control': 'no-store' } });
