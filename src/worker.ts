// The Cloudflare Worker: Astro's request handler, plus the cron trigger that delivers reports and
// applies retention. WORKER-ONLY; the Node target never imports it.
import { handle } from '@astrojs/cloudflare/handler';
import { runScheduled, type ReportEnv } from './report/cloudflare-runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  fetch: handle,
  scheduled(_controller: unknown, env: ReportEnv, ctx: Ctx) {
    ctx.waitUntil(
      runScheduled(env).then(
        (run) => console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry, ${run.purged} purged.`),
        (error: unknown) => console.error(`Report delivery run failed: ${(error as Error).message}`),
      ),
    );
  },
};
