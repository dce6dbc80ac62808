// The Cloudflare Worker (wrangler.jsonc `main`): Astro's request handler for every request, and the
// cron trigger that runs delivery and retention.
import { handle } from '@astrojs/cloudflare/handler';
import { failures } from '../../report/failure-log.ts';
import { runScheduled, type ReportEnv } from './runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  fetch: handle,
  scheduled(_controller: unknown, env: ReportEnv, ctx: Ctx) {
    ctx.waitUntil(
      runScheduled(env).then(
        (run) => console.log(`Reports: ${run.delivered} delivered, ${run.failed} to retry, ${run.purged} purged.`),
        (error: unknown) => failures.record('delivery-run', error),
      ),
    );
  },
};
