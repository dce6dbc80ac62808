// The deployment files adopters copy: the Dockerfile, the Compose example with TLS in front, and
// the GitHub Actions workflow (linted against GitHub's workflow schema by action-validator).
// No container tool runs on this machine: tests/build/container.test.ts runs the image's last
// stage as its instructions lay it out instead.
import { existsSync, readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { Copy, DockerfileParser } from 'dockerfile-ast';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';

const dockerfile = DockerfileParser.parse(readFileSync('Dockerfile', 'utf8'));
const stages = dockerfile.getFROMs().map((f) => f.getBuildStage());
const lastStage = () => {
  const all = dockerfile.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return all.slice(lastFrom + 1);
};
const args = (keyword: string) => lastStage().filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? '');

describe('Dockerfile', () => {
  test('builds in stages; the image runs the Node server', () => {
    expect(stages).toEqual(['build', 'packages', 'runtime']);
    expect(JSON.parse(args('CMD')[0]!)).toEqual(['node', 'src/targets/node/start.ts']);
  });

  test('the server runs as an unprivileged user, not root', () => {
    const user = args('USER').at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  test('the database and the key live on the /data volume, the only place it writes', () => {
    expect(args('VOLUME').join(' ')).toContain('/data');
    const env = args('ENV').join(' ');
    expect(env).toMatch(/REPORT_DB_PATH=\/data\//);
    expect(env).toMatch(/REPORT_KEY_FILE=\/data\//);
  });

  test('a health check asks the server itself', () => {
    const check = args('HEALTHCHECK')[0]!;
    expect(check).toMatch(/CMD .*\/api\/health/);
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/HEALTHCHECK --interval=\d+s --timeout=\d+s/);
    const port = args('ENV').join(' ').match(/PORT=(\d+)/)?.[1];
    expect(check).toContain(`127.0.0.1:${port}/`);
    expect(args('EXPOSE')).toEqual([port]);
  });

  test('the image carries only built files and production packages', () => {
    const copies = args('COPY');
    expect(copies.every((c) => c.startsWith('/app/'))).toBe(true);
    expect(copies.map((c) => c.split(/\s+/)[0])).toEqual(['/app/node_modules', '/app/package.json', '/app/dist', '/app/src', '/app/migrations']);
    const from = lastStage().filter((i): i is Copy => i instanceof Copy).map((i) => i.getFromFlag()?.getValue());
    expect(from).toEqual(['packages', 'build', 'build', 'build', 'build']);
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/npm ci --omit=dev/);
    // Secrets and local data never enter the build context.
    const ignored = readFileSync('.dockerignore', 'utf8');
    for (const path of ['node_modules', 'data', '.dev.vars', '*.key', 'deploy/*.env']) expect(ignored).toContain(path);
  });
});

describe('Compose example with TLS in front', () => {
  const compose = yaml.load(readFileSync('deploy/compose.yaml', 'utf8')) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const { site, proxy } = compose.services;

  test('the site container has a read-only root, no capabilities, and its data on a named volume', () => {
    expect(site!.read_only).toBe(true);
    expect(site!.cap_drop).toEqual(['ALL']);
    expect(site!.volumes).toContain('reports:/data');
    expect(Object.keys(compose.volumes)).toContain('reports');
    expect((site!.environment as Record<string, string>).TRUST_PROXY).toBe('1');
    // Only the proxy is reachable from outside.
    expect(site!.ports).toBeUndefined();
    expect(existsSync('deploy/site.env.example')).toBe(true);
  });

  test('Caddy terminates TLS on 443 and forwards to the site', () => {
    expect(proxy!.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect((proxy!.depends_on as Record<string, { condition: string }>).site?.condition).toBe('service_healthy');
    const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');
    expect(caddyfile).toMatch(/^\{\$SITE_DOMAIN\} \{/m);
    expect(caddyfile).toMatch(/reverse_proxy site:4321/);
  });
});

describe('GitHub Actions deploy workflow', () => {
  const source = readFileSync('.github/workflows/deploy.yml', 'utf8');
  const workflow = yaml.load(source) as { jobs: Record<string, { needs?: string; if?: string; steps: { run?: string; uses?: string }[] }> };
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

  test('is valid against GitHub’s workflow schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  test('the linter does catch a mistake (a misspelt key)', () => {
    expect(validateWorkflow(source.replace('runs-on: ubuntu-24.04', 'run-on: ubuntu-24.04')).errors.length).toBeGreaterThan(0);
  });

  test('tests first, then deploys main to the target the repository chooses', () => {
    expect(Object.keys(workflow.jobs).sort()).toEqual(['deploy-cloudflare', 'deploy-node', 'test']);
    expect(workflow.jobs.test!.steps.some((s) => s.run === 'npm test')).toBe(true);
    for (const [job, target] of [['deploy-node', 'node'], ['deploy-cloudflare', 'cloudflare']] as const) {
      expect(workflow.jobs[job]!.needs).toBe('test');
      expect(workflow.jobs[job]!.if).toBe(`github.ref == 'refs/heads/main' && vars.DEPLOY_TARGET == '${target}'`);
    }
  });

  test('every npm script and file it names exists', () => {
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
    for (const [, script] of runs.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, script).toHaveProperty(script!);
    expect(runs).toContain('deploy/compose.yaml');
    expect(existsSync('deploy/compose.yaml')).toBe(true);
    expect(runs).toContain('dist/server/wrangler.json');
  });
});
