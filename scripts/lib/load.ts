// Load for the benchmarks: a number of clients sending requests back to back for a fixed time,
// with the latencies of the answers that count, and a line about the machine they ran on (the
// cores are shared, so every figure says how busy the machine was).
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';

export interface LoadResult {
  /** Answers that counted. */
  count: number;
  /** Every latency that counted, in ms, sorted. */
  latencies: number[];
  /** Seconds the run took. */
  elapsed: number;
  /** How often each status came back; 0 for a request that got no answer (a connection reset). */
  statuses: Record<number, number>;
}

/** Runs `request` from `concurrency` clients for `seconds`; latencies of the answers `ok` accepts, and every status seen. */
export async function load(request: () => Promise<Response>, ok: (status: number) => boolean, seconds: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      let response: Response;
      try {
        response = await request();
        await response.arrayBuffer();
      } catch {
        // A keep-alive connection the server closed as it was reused, on a busy machine: counted, not fatal.
        statuses[0] = (statuses[0] ?? 0) + 1;
        continue;
      }
      const took = performance.now() - started;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (ok(response.status)) latencies.push(took);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, latencies, elapsed: (performance.now() - started) / 1000, statuses };
}

/** The latency at percentile `p` of sorted latencies, in ms with one decimal. */
export function percentile(sorted: readonly number[], p: number): string {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(1) ?? 'n/a';
}

/** What a result says in a line: rate, p50 and p99. */
export function summary(result: LoadResult, unit: string): string {
  return `${(result.count / result.elapsed).toFixed(0)} ${unit}/s, p50 ${percentile(result.latencies, 50)} ms, p99 ${percentile(result.latencies, 99)} ms`;
}

/** The machine, and its load average when the run started and now. */
export function machine(loadAtStart: number): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
}

/**
 * CPU time a process has used so far (user + system), in ms, from /proc. On a shared machine this
 * is steadier than wall-clock throughput: other work slows a request down, but does not make the
 * server do more of its own.
 */
export function cpuTimeMs(pid: number | undefined): number {
  if (!pid) return NaN;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
/** Linux's USER_HZ, which /proc reports CPU times in; 100 on every platform Node runs on. */
const TICKS_PER_SECOND = 100;

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakMemoryMiB(pid: number | undefined): string {
  if (!pid) return 'n/a (external server)';
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM'));
  return `${(Number(line?.match(/\d+/)?.[0]) / 1024).toFixed(0)} MiB`;
}

/** What a browser sends when a person opens a page (src/reach/visit.ts counts these). */
export const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'sec-fetch-user': '?1' };

const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

/**
 * A GET as a browser opening a page, over keep-alive connections, with exactly these headers
 * (fetch() adds its own `Sec-Fetch-Mode: cors`, and a request that says both is no navigation).
 */
export function navigate(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { ...NAVIGATION, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      // statusCode is typed optional (it is unset on a server's incoming request) but always set on a
      // response; 200 is what Response would assume without it.
      const status = res.statusCode ?? 200;
      res.on('end', () => resolve(new Response(status === 304 ? null : Buffer.concat(chunks), { status })));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Closes the keep-alive connections navigate() holds, so the process can end. */
export const closeConnections = () => agent.destroy();
