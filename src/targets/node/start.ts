// npm start: the production server on one machine. Reads the settings once (a wrong one stops it
// here, naming the variable), opens the report store, starts delivery and retention, and listens.
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delivererFor, startDeliveryLoop } from './delivery-loop.ts';
import { securityHeaders } from './headers.ts';
import { nodeReach } from './reach.ts';
import { precompressedFiles } from './precompressed.ts';
import { nodeRuntime, type NodeRuntime } from './runtime.ts';
import { createListener } from './server.ts';
import { campaignGate, siteToday, type CampaignSchedule } from '../../lib/campaign-schedule.ts';
import { SCHEDULE_FILE } from '../../integrations/campaign-schedule.ts';

function stop(message: string): never {
  console.error(`See the Signs did not start. ${message}`);
  process.exit(1);
}

let runtime: NodeRuntime;
try {
  runtime = nodeRuntime();
} catch (error) {
  stop((error as Error).message);
}
const { settings } = runtime;

const dist = `${resolve(fileURLToPath(new URL('../../../', import.meta.url)), settings.build.outDir)}/`;
if (!existsSync(`${dist}server/entry.mjs`)) stop('There is no build to serve. Run `npm run build` first (or `npm start`, which builds).');
if (existsSync(`${dist}server/wrangler.json`)) stop(`The build in ${dist} is for Cloudflare. Run \`npm run build\` to build for this server.`);

// Delivery settings and the store's key are checked before the server accepts anything.
const pipeline = await Promise.resolve()
  .then(async () => {
    const deliverer = delivererFor(settings.delivery);
    const opened = await runtime.pipeline();
    // Reports a killed process had claimed are free to deliver again (their receivers drop repeats).
    await opened.store.releaseLeases();
    return { deliverer, opened };
  })
  .catch((error: unknown) => stop((error as Error).message));
const stopDelivery = startDeliveryLoop(pipeline.opened, pipeline.deliverer, settings.delivery);

// Astro's own preview server starts the adapter this way: load the handler without its listener.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(`${dist}server/entry.mjs`)) as { handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void> };

// Campaign dates are applied per request, so a campaign goes live at midnight with nobody rebuilding.
const schedule = JSON.parse(readFileSync(`${dist}${SCHEDULE_FILE}`, 'utf8')) as CampaignSchedule;
const reach = nodeReach(runtime, schedule.links);
const listener = createListener({
  astro: handler,
  gate: (url) => campaignGate(schedule, url, siteToday(settings.campaigns.date), settings.campaigns.previewKey),
  secure: securityHeaders(dist, runtime.proxies),
  router: runtime.router,
  maxBodyBytes: settings.report.maxBodyBytes,
  reach: reach.front,
  precompressed: precompressedFiles(`${dist}precompressed/`),
});
const { port, host, tls } = settings.server;
const server = tls ? https.createServer({ cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) }, listener) : http.createServer(listener);

server.listen(port, host, () => {
  console.log(`See the Signs is running at ${tls ? 'https' : 'http'}://${host}:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopDelivery();
    // The counts held in memory are written before the process ends.
    server.close(() => void reach.stop().finally(() => process.exit(0)));
  });
}
