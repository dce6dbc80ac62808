// npm run build: Astro's build, with a short summary instead of a line for every page. Warnings and
// errors are printed in full, as Astro prints them; `npm run build -- --verbose` prints everything.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildEnv } from './lib/build-env.ts';

const verbose = process.argv.includes('--verbose');
const started = performance.now();
const outDir = process.env.OUT_DIR ?? 'dist';
const child = spawn(join('node_modules', '.bin', 'astro'), ['build', ...process.argv.slice(2)], {
  env: buildEnv(process.env),
  stdio: ['inherit', 'pipe', 'pipe'],
});

// Astro's progress lines start with a time ("07:16:26 [build] …"); a warning or an error
// ("07:16:24 [WARN] …") is printed with the lines that follow it, until the next progress line.
const TIMED = /^\d{2}:\d{2}:\d{2} /;
const PROBLEM = /^\d{2}:\d{2}:\d{2} \[(WARN|ERROR)\]/;
let showing = false;
let pending = '';
function filter(chunk: Buffer, out: NodeJS.WriteStream) {
  if (verbose) return void out.write(chunk);
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const plain = stripVTControlCharacters(line);
    if (PROBLEM.test(plain)) showing = true;
    else if (TIMED.test(plain)) showing = false;
    // Astro's section banners (" prerendering static routes ") carry no time either.
    else if (!showing && (plain.trim() === '' || /^ [a-z ]+ $/.test(plain))) continue;
    if (showing || !TIMED.test(plain)) out.write(`${line}\n`);
  }
}
child.stdout.on('data', (chunk: Buffer) => filter(chunk, process.stdout));
child.stderr.on('data', (chunk: Buffer) => filter(chunk, process.stderr));

function count(dir: string): { pages: number; files: number } {
  let pages = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('/pagefind') || entry.parentPath.includes('/_astro')) continue;
    if (entry.name.endsWith('.html')) pages++;
    else files++;
  }
  return { pages, files };
}

child.on('close', (code) => {
  if (pending) process.stdout.write(`${pending}\n`);
  if (code !== 0) {
    console.error(`\nThe build stopped (exit code ${code}). The message above says what to fix.`);
    process.exit(code ?? 1);
  }
  const { pages, files } = count(join(outDir, 'client'));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const target = process.env.DEPLOY_TARGET === 'cloudflare' ? 'Cloudflare Worker' : 'Node server';
  console.log(`✓ Built ${pages} pages and ${files} other files (posters, data, icons) in ${seconds} s, for the ${target}, in ${outDir}/.`);
});
