// Module scripts start loading once the first paint is on screen, not while the page is still being
// read (issue 13). Every script here only adds to a page that works without it, so nothing is lost
// by the wait, and on a slow phone line each script is a request of its own: Lighthouse's mobile
// simulation (150 ms a round trip) counted every script fetched before the largest paint as holding
// that paint up, which put pages with a script 0.2-0.4 s behind pages without one.
// How: each page's `<script type="module" src>` is sent with a type the browser does not run or
// fetch (holdModuleScripts, in src/middleware.ts), and one small inline script in the layout
// (src/components/AfterPaint.astro) swaps each for a module script after the first paint.

/** The type a held script is sent with: not a script type, so the browser neither fetches nor runs it. */
export const HELD_TYPE = 'after-paint';

const MODULE_SCRIPT = /<script type="module" src=/g;

/** The page with each module script file held back until after the first paint. */
export function holdModuleScripts(html: string): string {
  return html.replace(MODULE_SCRIPT, `<script type="${HELD_TYPE}" src=`);
}
