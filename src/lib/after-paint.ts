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

/** In the browser: loads the held scripts and the tab icon once the browser reports the first contentful paint. */
export function loadHeldScripts(): void {
  // The paint entry comes when the frame is on screen, which can be a while after the frame callback
  // (a slow or busy phone): it is the moment Lighthouse and the browser call the paint. A browser
  // without paint timing (Safari before 14.1) never calls back and keeps the page as it is without
  // JavaScript, which every page is built to work as: no fallback, as the bytes for one would take
  // the finder's pages over their JavaScript budget (4 kB) on every other browser.
  new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('first-contentful-paint')[0]) return;
    observer.disconnect();
    // Each is a page's own module and none waits for another (the finder hears the open-now statuses
    // by an event), so they load as modules do when imported: each with the chunks it needs.
    setTimeout(() => {
      for (const held of document.querySelectorAll<HTMLScriptElement>(`[type=${HELD_TYPE}]`)) void import(/* @vite-ignore */ held.src);
      // The tab icon is held back the same way (Head.astro).
      for (const icon of document.querySelectorAll<HTMLLinkElement>('[data-icon]')) icon.href = icon.dataset.icon!;
    });
  }).observe({ type: 'paint', buffered: true });
}
