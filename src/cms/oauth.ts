// GitHub sign-in for the content editor, on the kit's own server (Node and Worker alike): the
// OAuth "authorization code" exchange that needs the app's client secret, which must never reach a
// browser. Decap CMS opens /api/cms/auth in a small window; GitHub sends the editor back to
// /api/cms/callback with a code; this exchanges it for a token and hands the token to the editor's
// window (postMessage, to this site's own origin only). Nothing is stored and no cookie is set:
// the `state` parameter is signed (HMAC) and expires, so a callback we did not start is refused.
//
// GitHub's protocol: https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
// THIS FILE IS SHARED by the Node server and the Worker: web standards only.

export interface GitHubOAuth {
  clientId: string;
  clientSecret: string;
  /** https://github.com, or a GitHub Enterprise server (tests: a loopback server speaking the protocol). */
  url: string;
}

import { escapeHtml } from '../lib/html.ts';

const STATE_SECONDS = 10 * 60;
const PROVIDER = 'github';
const SCOPES = new Set(['repo', 'public_repo']);

const encoder = new TextEncoder();
const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(`cms-oauth-state:${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** A state value: a random nonce and an expiry, signed with a key only this server has. */
export async function signState(secret: string, now = Date.now()): Promise<string> {
  const payload = `${base64url(crypto.getRandomValues(new Uint8Array(16)))}.${Math.floor(now / 1000) + STATE_SECONDS}`;
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(payload));
  return `${payload}.${base64url(signature)}`;
}

/** True for a state this server signed that has not expired. */
export async function verifyState(secret: string, state: string, now = Date.now()): Promise<boolean> {
  const parts = state.split('.');
  if (parts.length !== 3 || !/^\d+$/.test(parts[1]!)) return false;
  if (Number(parts[1]) < Math.floor(now / 1000)) return false;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = Uint8Array.from(atob(parts[2]!.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  return crypto.subtle.verify('HMAC', await hmacKey(secret), signature, encoder.encode(`${parts[0]}.${parts[1]}`));
}

/**
 * The callback page's only script. It reads the result from the page (a JSON block, which is data,
 * never run), answers the editor's "authorizing" handshake, and posts the result to this origin only.
 * A constant, so the page's Content-Security-Policy can allow it by hash.
 */
export const CALLBACK_SCRIPT = `(function () {
  var result = JSON.parse(document.getElementById('result').textContent);
  var opener = window.opener;
  if (!opener) return;
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || event.data !== 'authorizing:${PROVIDER}') return;
    opener.postMessage(result, window.location.origin);
  });
  opener.postMessage('authorizing:${PROVIDER}', window.location.origin);
})();`;

let scriptHash: Promise<string> | undefined;
async function callbackCsp(): Promise<string> {
  scriptHash ??= crypto.subtle.digest('SHA-256', encoder.encode(CALLBACK_SCRIPT)).then((d) => btoa(String.fromCharCode(...new Uint8Array(d))));
  return `default-src 'none'; script-src 'sha256-${await scriptHash}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/** A small page for the sign-in window. `message` is for the editor's window, `words` for the person. */
async function page(status: number, heading: string, words: string, message?: string): Promise<Response> {
  // Inside <script type="application/json">, "<" is escaped so nothing can close the block.
  const data = message === undefined ? '' : `<script type="application/json" id="result">${JSON.stringify(message).replace(/</g, '\\u003c')}</script><script>${CALLBACK_SCRIPT}</script>`;
  const html = `<!doctype html><html lang="en-GB" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title><style>body{font:1.1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:36rem}</style></head><body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(words)}</p></main>${data}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': await callbackCsp(),
    },
  });
}

const failure = (words: string, status = 400) =>
  page(status, 'You are not signed in', words, `authorization:${PROVIDER}:error:${JSON.stringify({ message: words })}`);

/** /api/cms/auth: sends the editor's window to GitHub to approve, with a signed state. */
async function start(request: Request, oauth: GitHubOAuth): Promise<Response> {
  const url = new URL(request.url);
  if ((url.searchParams.get('provider') ?? PROVIDER) !== PROVIDER) return failure('This site signs in with GitHub only.');
  const scope = url.searchParams.get('scope') ?? 'repo';
  const authorize = new URL('/login/oauth/authorize', oauth.url);
  authorize.searchParams.set('client_id', oauth.clientId);
  authorize.searchParams.set('redirect_uri', new URL('/api/cms/callback', url.origin).href);
  authorize.searchParams.set('scope', SCOPES.has(scope) ? scope : 'repo');
  authorize.searchParams.set('state', await signState(oauth.clientSecret));
  authorize.searchParams.set('allow_signup', 'false');
  return new Response(null, { status: 302, headers: { location: authorize.href, 'cache-control': 'no-store' } });
}

/** /api/cms/callback: checks the state, exchanges the code for a token, hands it to the editor. */
async function callback(request: Request, oauth: GitHubOAuth, fetcher: typeof fetch): Promise<Response> {
  const url = new URL(request.url);
  const denied = url.searchParams.get('error');
  if (denied) return failure(denied === 'access_denied' ? 'You chose not to let the editor use your GitHub account. Close this window to go back.' : `GitHub said: ${url.searchParams.get('error_description') ?? denied}.`);
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  if (!code || !state || !(await verifyState(oauth.clientSecret, state))) {
    return failure('This sign-in link has expired or did not start here. Close this window and press "Login with GitHub" again.');
  }
  let answer: { access_token?: unknown; error?: unknown; error_description?: unknown };
  try {
    const response = await fetcher(new URL('/login/oauth/access_token', oauth.url), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code, redirect_uri: new URL('/api/cms/callback', url.origin).href }),
      signal: AbortSignal.timeout(10_000),
    });
    answer = (await response.json()) as typeof answer;
  } catch {
    return failure('GitHub did not answer. Close this window and try again in a minute.', 502);
  }
  if (typeof answer.access_token !== 'string' || !answer.access_token) {
    return failure(`GitHub refused the sign-in${typeof answer.error_description === 'string' ? `: ${answer.error_description}` : ''}. Close this window and try again.`, 502);
  }
  const token = JSON.stringify({ token: answer.access_token, provider: PROVIDER });
  return page(200, 'You are signed in', 'You can close this window if it does not close by itself.', `authorization:${PROVIDER}:success:${token}`);
}

/**
 * Answers /api/cms/auth and /api/cms/callback. `oauth` is undefined when the site has no GitHub
 * app set up: the window then says so, in words an editor can pass on.
 */
export async function handleCmsAuth(request: Request, oauth: GitHubOAuth | undefined, fetcher: typeof fetch = fetch): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers: { allow: 'GET' } });
  if (!oauth) {
    return failure('Signing in with GitHub is not set up on this website yet. Whoever runs the website needs to set CMS_GITHUB_CLIENT_ID and CMS_GITHUB_CLIENT_SECRET (see docs/editing.md).', 503);
  }
  if (pathname === '/api/cms/auth') return start(request, oauth);
  if (pathname === '/api/cms/callback') return callback(request, oauth, fetcher);
  return new Response('Not found', { status: 404 });
}
