// The Cloudflare Worker (wrangler.jsonc `main`): Astro's request handler for every request, and the
// cron trigger that runs delivery and retention.
import { handle } from '@astrojs/cloudflare/handler';
import shortLinks from 'virtual:see-the-signs/short-links';
import { shortLinkRedirect } from '../../lib/short-links.ts';
import { failures } from '../../report/failure-log.ts';
import { runScheduled, type ReportEnv } from './runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  fetch(request: Request, ...rest: unknown[]) {
    // A short link typed in another case (/SEETHESIGNS) is not an asset and matches no route.
    const short = shortLinkRedirect(shortLinks, request.method, new URL(request.url).pathname);
    if (short) return new Response(null, { status: short.status, headers: { location: short.location } });
    return (handle as (request: Request, ...rest: unknown[]) => Promise<Response>)(request, ...rest);
  },
  scheduled(_controller: unknown, env: ReportEnv, ctx: Ctx) {
    ctx.waitUntil(
      runScheduled(env).then(
        (run) => console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry, ${run.purged} purged.`),
        (error: unknown) => failures.record('delivery-run', error),
      ),
    );
  },
};
