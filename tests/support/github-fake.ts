// A loopback server that speaks GitHub's OAuth web flow (authorize page, code exchange at
// /login/oauth/access_token) and the two REST calls Decap CMS makes when an editor signs in
// (GET /user, GET /repos/:owner/:repo). GitHub itself cannot be reached from here.
// https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_GITHUB_PORT = 4396;
export const CLIENT_ID = 'Iv1.kit-tests';
export const CLIENT_SECRET = 'kit-tests-client-secret-0123456789';

interface Grant {
  redirectUri: string;
  scope: string;
  used: boolean;
}

export async function githubFake(port = 0) {
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, string>();
  /** Every code exchange, as GitHub received it, for the tests to inspect. */
  const exchanges: Record<string, string>[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The API answers any origin, as api.github.com does (the editor calls it from the browser).
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, Link, Location, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining' };
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors }).end(JSON.stringify(body));
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': 'Authorization, Content-Type, If-None-Match', 'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE' }).end();
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      // The page where the editor approves the app, then is sent back with a code (or a refusal).
      if (url.pathname === '/login/oauth/authorize' && req.method === 'GET') {
        const p = url.searchParams;
        if (p.get('client_id') !== CLIENT_ID) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        const back = new URL(p.get('redirect_uri')!);
        if (url.searchParams.get('decision') === 'approve') {
          const code = randomBytes(10).toString('hex');
          codes.set(code, { redirectUri: back.href, scope: p.get('scope') ?? '', used: false });
          back.searchParams.set('code', code);
        } else if (url.searchParams.get('decision') === 'cancel') {
          back.searchParams.set('error', 'access_denied');
          back.searchParams.set('error_description', 'The user has denied your application access.');
        } else {
          const approve = new URL(url.href);
          approve.searchParams.set('decision', 'approve');
          const cancel = new URL(url.href);
          cancel.searchParams.set('decision', 'cancel');
          return res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(`<!doctype html><title>Authorize application</title><h1>Authorize See the Signs editor</h1><p>Scope: ${p.get('scope')}</p><a href="${approve.pathname}${approve.search}">Authorize</a> <a href="${cancel.pathname}${cancel.search}">Cancel</a>`);
        }
        back.searchParams.set('state', p.get('state') ?? '');
        return res.writeHead(302, { location: back.href }).end();
      }
      // The code exchange: GitHub answers 200 with an error field when the code is wrong.
      if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
        const params: Record<string, string> = /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(body || '{}') : Object.fromEntries(new URLSearchParams(body));
        exchanges.push(params);
        const grant = codes.get(params.code ?? '');
        if (params.client_id !== CLIENT_ID || params.client_secret !== CLIENT_SECRET) return json(200, { error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.' });
        if (!grant || grant.used || (params.redirect_uri && params.redirect_uri !== grant.redirectUri)) {
          return json(200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
        }
        grant.used = true;
        const token = `gho_${randomBytes(18).toString('hex')}`;
        tokens.set(token, 'comms-editor');
        if (!/json/.test(req.headers.accept ?? '')) return res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end(`access_token=${token}&scope=${grant.scope}&token_type=bearer`);
        return json(200, { access_token: token, scope: grant.scope, token_type: 'bearer' });
      }
      // The REST API, as Decap uses it to sign in.
      const login = tokens.get((req.headers.authorization ?? '').replace(/^(token|Bearer) /, ''));
      if (!login) return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      if (url.pathname === '/user') return json(200, { login, id: 1, name: 'Comms Editor', avatar_url: '', type: 'User' });
      const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (repo) return json(200, { id: 2, name: repo[2], full_name: `${repo[1]}/${repo[2]}`, owner: { login: repo[1], type: 'Organization' }, private: true, default_branch: 'main', permissions: { admin: false, push: true, pull: true } });
      // No open pull requests: nothing is waiting for review yet.
      if (/^\/repos\/[^/]+\/[^/]+\/pulls$/.test(url.pathname)) return json(200, []);
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    exchanges,
    tokens,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
