// The campaign schedule (src/lib/campaign-schedule.ts): each campaign's days and short links, read
// from the campaigns' own files when Astro reads its configuration, for each target's server to
// decide, per request, what is public today. The Worker imports it as a virtual module; the Node
// server reads campaign-schedule.json beside the build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import yaml from 'js-yaml';
import type { CampaignSchedule } from '../lib/campaign-schedule.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/campaign-schedule';
export const SCHEDULE_FILE = 'campaign-schedule.json';

/** "2026-12-01" from what YAML gives for a date (a Date, or the text when quoted). */
function day(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/**
 * Reads every campaign's days and short links. A file the campaign schema would refuse is left for
 * the collection to report (with the file, line and field); it simply has no schedule here.
 * Throws when two campaigns claim the same short link.
 */
export function readCampaignSchedule(campaignsDir: string): CampaignSchedule {
  const schedule: CampaignSchedule = { campaigns: {}, shortLinks: {} };
  for (const file of readdirSync(campaignsDir).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).sort()) {
    const id = file.replace(/\.mdx$/, '');
    const text = readFileSync(join(campaignsDir, file), 'utf8').replace(/^\uFEFF/, '');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    let data: Record<string, unknown> = {};
    try {
      data = (frontmatter ? yaml.load(frontmatter) : {}) as Record<string, unknown>;
    } catch {
      continue;
    }
    const start = day(data.start);
    if (!start) continue;
    const end = day(data.end);
    schedule.campaigns[id] = end ? { start, end } : { start };
    for (const link of Array.isArray(data.shortLinks) ? data.shortLinks : []) {
      if (typeof link !== 'string' || !/^\/[A-Za-z0-9-]+$/.test(link)) continue;
      const key = link.toLowerCase();
      const taken = schedule.shortLinks[key];
      if (taken && taken !== id) throw new Error(`${join(campaignsDir, file)}: shortLinks: ${link} is already used by content/campaigns/${taken}.mdx. Choose another short link.`);
      schedule.shortLinks[key] = id;
    }
  }
  return schedule;
}

export function campaignScheduleIntegration(campaignsDir: string): AstroIntegration {
  const schedule = readCampaignSchedule(campaignsDir);
  const resolved = `\0${VIRTUAL_ID}`;
  let outDir: URL | undefined;
  return {
    name: 'see-the-signs:campaign-schedule',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [{
              name: 'see-the-signs:campaign-schedule',
              resolveId: (id: string) => (id === VIRTUAL_ID ? resolved : undefined),
              load: (id: string) => (id === resolved ? `export default ${JSON.stringify(schedule)};` : undefined),
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      'astro:build:done': () => {
        if (outDir) writeFileSync(fileURLToPath(new URL(`./${SCHEDULE_FILE}`, outDir)), JSON.stringify(schedule));
      },
    },
  };
}
