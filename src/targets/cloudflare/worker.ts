// The Cloudflare Worker (wrangler.jsonc `main`): campaign short links and counting the pages people
// open (wrangler.jsonc has pages run the Worker first), Astro's request handler for every request,
// and the cron trigger that runs delivery and retention.
import { handle } from '@astrojs/cloudflare/handler';
import { failures } from '../../report/failure-log.ts';
import { shortLinkHeaders } from '../../reach/links.ts';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../../lib/security-headers.ts';
import { planReachWrite, reachFront, runScheduled, type ReportEnv } from './runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  async fetch(request: Request, env: ReportEnv, ctx: Ctx) {
    const reach = reachFront(env);
    const { pathname } = new URL(request.url);
    const header = (name: string) => request.headers.get(name);
    const link = reach.shortLink(request.method, pathname, header);
    if (link) {
      planReachWrite(env, (p) => ctx.waitUntil(p));
      return new Response(null, { status: link.status, headers: { ...SECURITY_HEADERS, 'content-security-policy': FALLBACK_CSP, ...shortLinkHeaders(link) } });
    }
    const response = await handle(request as Parameters<typeof handle>[0], env as Parameters<typeof handle>[1], ctx as Parameters<typeof handle>[2]);
    if (reach.mayCount(request.method, header)) {
      reach.answered(pathname, response.status);
      planReachWrite(env, (p) => ctx.waitUntil(p));
    }
    return response;
  },
  scheduled(controller: { scheduledTime: number }, env: ReportEnv, ctx: Ctx) {
    ctx.waitUntil(
      runScheduled(env, controller.scheduledTime).then(
        (run) => console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry, ${run.purged} purged, ${run.counted} counted.`),
        (error: unknown) => failures.record('delivery-run', error),
      ),
    );
  },
};
