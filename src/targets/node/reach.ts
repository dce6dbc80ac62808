// Reach on Node: the short links from the build's campaign schedule, and the process's one counter,
// written to the SQLite file every REACH_WRITE_SECONDS by a timer (and once more when the server
// stops), never by a request. A store that cannot be written to is logged; pages are served as before.
import { failures } from '../../report/failure-log.ts';
import { ReachCounter } from '../../reach/counter.ts';
import { ReachFront } from '../../reach/front.ts';
import type { CampaignLinks } from '../../reach/links.ts';
import type { NodeRuntime } from './runtime.ts';

export interface NodeReach {
  front: ReachFront;
  /** Writes what is waiting: for the timer, the server stopping, and the tests. */
  write(): Promise<void>;
  /** Stops the timer and writes what is left. */
  stop(): Promise<void>;
}

/** `links`: the short links from the build's campaign schedule (src/integrations/campaign-schedule.ts). */
export function nodeReach(runtime: NodeRuntime, links: CampaignLinks): NodeReach {
  const { counting, writeMs } = runtime.settings.reach;
  const counter = counting ? new ReachCounter() : undefined;
  const write = async () => {
    if (!counter?.size) return;
    try {
      await counter.flush(await runtime.reachCounts());
    } catch (error) {
      failures.record('reach', error);
    }
  };
  const timer = counter ? setInterval(() => void write(), writeMs) : undefined;
  timer?.unref();
  return {
    front: new ReachFront(links, counter),
    write,
    stop: async () => {
      clearInterval(timer);
      await write();
    },
  };
}
