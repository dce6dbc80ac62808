// The Cloudflare Worker (wrangler.jsonc `main`): Astro's request handler for every request, and the
// cron trigger that runs delivery and retention.
import { handle } from '@astrojs/cloudflare/handler';
import schedule from 'virtual:see-the-signs/campaign-schedule';
import { campaignGate, NOT_PUBLIC_PATH, siteToday } from '../../lib/campaign-schedule.ts';
import { failures } from '../../report/failure-log.ts';
import { currentSettings, runScheduled, type ReportEnv } from './runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

type Handle = (request: Request, ...rest: unknown[]) => Promise<Response>;

export default {
  /**
   * Campaign dates first (wrangler.jsonc sends /campaigns/* here before the static files): a
   * campaign's page, downloads and short links are public from its first day, decided per request.
   */
  fetch(request: Request, ...rest: unknown[]) {
    const url = new URL(request.url);
    // A wrong report setting must not take the pages down: campaigns then follow the real date.
    let campaigns: { date?: string | undefined; previewKey?: string | undefined } = {};
    try {
      campaigns = currentSettings().campaigns;
    } catch {
      // reported by the report routes, which need the settings
    }
    const { date, previewKey } = campaigns;
    const decision = campaignGate(schedule, request.method, url, siteToday(date), previewKey);
    if (decision.kind === 'redirect') return new Response(null, { status: decision.status, headers: { location: decision.location, 'cache-control': 'public, max-age=300' } });
    if (decision.kind === 'not-public') return (handle as Handle)(new Request(new URL(NOT_PUBLIC_PATH, url), request), ...rest);
    return (handle as Handle)(request, ...rest);
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
