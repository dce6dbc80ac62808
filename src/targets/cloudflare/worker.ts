// The Cloudflare Worker (wrangler.jsonc `main`): campaign dates, campaign short links and counting
// the pages people open (wrangler.jsonc has pages run the Worker first), Astro's request handler for
// every request, and the cron trigger that runs delivery and retention.
import { handle } from '@astrojs/cloudflare/handler';
import schedule from 'virtual:see-the-signs/campaign-schedule';
import { campaignGate, NOT_PUBLIC_PATH, PREVIEW_HEADERS, siteToday } from '../../lib/campaign-schedule.ts';
import { failures } from '../../report/failure-log.ts';
import { shortLinkHeaders } from '../../reach/links.ts';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../../lib/security-headers.ts';
import { currentSettings, planReachWrite, reachFront, runScheduled, type ReportEnv } from './runtime.ts';

interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * The day to pretend it is and the editors' preview key. A wrong report setting must not take the
 * pages down: campaigns then follow the real date.
 */
function campaignSettings(): { date?: string | undefined; previewKey?: string | undefined } {
  try {
    return currentSettings().campaigns;
  } catch {
    return {}; // reported by the report routes, which need the settings
  }
}

interface Assets {
  fetch(request: Request): Promise<Response>;
}

/**
 * A built page or file, when there is one, as the Node server serves its static files before Astro.
 * Astro's router would otherwise give a built page's path to the home page's route, which is
 * rendered on request and catches every path ([...locale]/index.astro), and answer 404.
 */
async function builtFile(request: Request, env: ReportEnv): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const asset = await (env.ASSETS as Assets).fetch(request);
  if (asset.status !== 404) return asset;
  await asset.body?.cancel();
  return undefined;
}

export default {
  /**
   * Campaign dates first: a campaign's page, downloads and short links are public from its first
   * day, decided per request (src/lib/campaign-schedule.ts). Then short links, answered and
   * counted here, and the page, counted once its answer is known (src/reach/).
   */
  async fetch(request: Request, env: ReportEnv, ctx: Ctx) {
    const url = new URL(request.url);
    const { date, previewKey } = campaignSettings();
    const gate = campaignGate(schedule, url, siteToday(date), previewKey);
    if (gate.kind === 'preview-link') {
      return new Response(null, { status: 302, headers: { ...SECURITY_HEADERS, 'content-security-policy': FALLBACK_CSP, location: gate.location, ...PREVIEW_HEADERS } });
    }
    // A campaign before its first day: the site's own 404, uncounted like any other.
    const served = gate.kind === 'not-public' ? new Request(new URL(NOT_PUBLIC_PATH, url), request) : request;
    const reach = reachFront(env);
    const { pathname } = new URL(served.url);
    const header = (name: string) => served.headers.get(name);
    const link = reach.shortLink(served.method, pathname, header);
    if (link) {
      planReachWrite(env, (p) => ctx.waitUntil(p));
      return new Response(null, { status: link.status, headers: { ...SECURITY_HEADERS, 'content-security-policy': FALLBACK_CSP, ...shortLinkHeaders(link) } });
    }
    const response = (await builtFile(served, env)) ?? (await handle(served as Parameters<typeof handle>[0], env as Parameters<typeof handle>[1], ctx as Parameters<typeof handle>[2]));
    if (reach.mayCount(served.method, header)) {
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
