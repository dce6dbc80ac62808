// Starts the production server (node src/targets/node/start.ts) on a port and waits until it answers:
// for the benchmarks, and for the tests that need a process of their own to kill, load or refuse.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export const SERVER_ENTRY = 'src/targets/node/start.ts';

/**
 * True once the server in `child` says it is listening (on its stdout, which must be piped); false
 * if it exits or stays silent for 20 s. Ready means this: a health check alone could be answered by
 * a server just told to stop on the same port, still finishing a kept-alive connection (a test that
 * restarts the server on its port then met ECONNREFUSED once that one exited).
 */
export function saysListening(child: ChildProcess): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes(' is running at ')) resolve(true);
    });
    child.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), 20_000).unref();
  });
}

export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // A server left running on the port (a run stopped half way) would answer for the new one; one
  // that was just told to stop is given five seconds to go.
  const answers = () => fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false);
  for (let i = 0; await answers(); i++) {
    if (i === 50) throw new Error(`a server is already listening on port ${port}: stop it first`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (await saysListening(child)) {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
      } catch {
        // not answering yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start on port ${port}`);
}

/** Stops a server started here and waits until it has gone, so that the next one can have its port. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, 'exit');
  child.kill('SIGTERM');
  await gone;
}

/**
 * Starts the server and reports whether it refused to start (its exit code and what it printed) or
 * came up and answered (then it is stopped again).
 */
export async function tryStart(port: number, env: Record<string, string>): Promise<{ started: boolean; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 150; i++) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r('waiting'), 100))]);
    if (early !== 'waiting') return { started: false, code: early as number | null, stderr };
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
        child.kill('SIGTERM');
        await exited;
        return { started: true, code: null, stderr };
      }
    } catch {
      // not listening yet
    }
  }
  child.kill('SIGKILL');
  throw new Error(`the server neither started nor stopped on port ${port}`);
}
