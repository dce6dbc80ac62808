// The campaign schedule (src/lib/campaign-schedule.ts): each campaign's days, and its short links
// with their source codes (`shortLinks:` and `sources:`), read from the campaigns' own files when
// Astro reads its configuration, for each target's front to decide, per request, what is public
// today and to answer (and count, src/reach/) the short links. Short links are not Astro redirects:
// Cloudflare's static redirects never reach the Worker, so could neither be counted nor wait for a
// campaign's first day. The Worker imports the schedule as a virtual module; the Node server reads
// campaign-schedule.json beside the build.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defaultExport, virtualModules } from './virtual-modules.ts';
import { CampaignSchema } from '../schemas/campaign.ts';
import { ContentError, parseSource, readSource } from '../lib/content-files.ts';
import type { CampaignSchedule } from '../lib/campaign-schedule.ts';
import { shortLink, shortLinkHeaders } from '../reach/links.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/campaign-schedule';
export const SCHEDULE_FILE = 'campaign-schedule.json';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reads every campaign's days, short links and source codes, with the reader and the fields'
 * schemas the collection uses (a byte-order mark is fine). Astro needs this when it reads its
 * configuration, before content collections exist. A field the schema refuses is left for the
 * collection to report (with the file, line and field); that campaign simply has no days here.
 * Throws when two campaigns claim the same short link.
 */
export function readCampaignSchedule(campaignsDir: string): CampaignSchedule {
  const schedule: { campaigns: Record<string, { start: string; end?: string }>; links: Record<string, { campaign: string; sources: string[] }> } = { campaigns: {}, links: {} };
  const { start: Start, end: End, shortLinks: ShortLinks, sources: Sources } = CampaignSchema.shape;
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
    const id = file.replace(/\.mdx$/, '');
    let data: { start?: unknown; end?: unknown; shortLinks?: unknown; sources?: unknown };
    try {
      data = (parseSource(readSource(join(campaignsDir, file))) ?? {}) as typeof data;
    } catch {
      continue;
    }
    const start = Start.safeParse(data.start).data;
    if (start) {
      const end = End.safeParse(data.end).data;
      schedule.campaigns[id] = end ? { start: day(start), end: day(end) } : { start: day(start) };
    }
    const sources = (Sources.safeParse(data.sources).data ?? []).map((s) => s.code);
    for (const link of ShortLinks.safeParse(data.shortLinks).data ?? []) {
      // Posters are typed in by hand, in any case: /SEETHESIGNS is the same link as /SeeTheSigns.
      const key = link.toLowerCase();
      const taken = schedule.links[key];
      if (taken && taken.campaign !== id) throw new ContentError(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by content/campaigns/${taken.campaign}.mdx. Choose another short link.`);
      schedule.links[key] = { campaign: id, sources };
    }
  }
  return schedule;
}

export function campaignScheduleIntegration(campaignsDir: string): AstroIntegration {
  const schedule = readCampaignSchedule(campaignsDir);
  let outDir: URL | undefined;
  return {
    name: 'see-the-signs:campaign-schedule',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [virtualModules('see-the-signs:campaign-schedule', { [VIRTUAL_ID]: defaultExport(schedule) })],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      // `astro dev` has neither front: short links are answered here, uncounted, whatever the
      // campaign's dates (on one's own computer every campaign shows, to check it before its day).
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const answer = shortLink(schedule.links, req.method ?? 'GET', (req.url ?? '/').split('?')[0]!);
          if (!answer) return next();
          res.writeHead(answer.status, shortLinkHeaders(answer)).end();
        });
      },
      'astro:build:done': () => {
        if (outDir) writeFileSync(fileURLToPath(new URL(`./${SCHEDULE_FILE}`, outDir)), JSON.stringify(schedule));
      },
    },
  };
}
