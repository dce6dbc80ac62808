// The editor's GitHub sign-in, against a loopback server that speaks GitHub's OAuth protocol:
// the redirect, the signed state, the code exchange, and every way it can go wrong.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CALLBACK_SCRIPT, handleCmsAuth, signState, verifyState, type GitHubOAuth } from '../../src/cms/oauth.ts';
import { readSettings } from '../../src/settings.ts';
import { CLIENT_ID, CLIENT_SECRET, githubFake } from '../support/github-fake.ts';

const SITE = 'https://seethesigns.example.org';
let github: Awaited<ReturnType<typeof githubFake>>;
let oauth: GitHubOAuth;

beforeAll(async () => {
  github = await githubFake();
  oauth = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, url: github.url };
});
afterAll(() => github.close());

/** The result the callback page hands to the editor's window. */
async function resultOf(response: Response): Promise<string> {
  const html = await response.text();
  return JSON.parse(/<script type="application\/json" id="result">([\s\S]*?)<\/script>/.exec(html)![1]!) as string;
}

/** An editor approving the app on "GitHub": the authorize page's Authorize link, followed. */
async function approve(authorizeUrl: string, decision = 'approve'): Promise<URL> {
  const url = new URL(authorizeUrl);
  url.searchParams.set('decision', decision);
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

describe('signing in with GitHub', () => {
  test('the start sends the window to GitHub with the app, the callback address, the scope and a signed state', async () => {
    const response = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github&site_id=x&scope=repo`), oauth);
    expect(response.status).toBe(302);
    const to = new URL(response.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${github.url}/login/oauth/authorize`);
    expect(to.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(to.searchParams.get('redirect_uri')).toBe(`${SITE}/api/cms/callback`);
    expect(to.searchParams.get('scope')).toBe('repo');
    expect(await verifyState(CLIENT_SECRET, to.searchParams.get('state')!)).toBe(true);
    // The secret never leaves the server.
    expect(response.headers.get('location')).not.toContain(CLIENT_SECRET);
  });

  test('approved: the code is exchanged for a token, handed to the editor window only', async () => {
    const start = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github&scope=repo`), oauth);
    const back = await approve(start.headers.get('location')!);
    expect(back.pathname).toBe('/api/cms/callback');
    const response = await handleCmsAuth(new Request(back), oauth);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const result = await resultOf(response);
    const token = JSON.parse(result.replace(/^authorization:github:success:/, '')) as { token: string; provider: string };
    expect(token.provider).toBe('github');
    expect(github.tokens.has(token.token)).toBe(true);
    // GitHub received the secret, the code and the same callback address.
    const exchange = github.exchanges.at(-1)!;
    expect(exchange).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, code: back.searchParams.get('code'), redirect_uri: `${SITE}/api/cms/callback` });
    // The page's one script, allowed by its hash, posts to this site's own origin and nowhere else.
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(CALLBACK_SCRIPT).toContain('window.location.origin');
    expect(CALLBACK_SCRIPT).not.toContain("'*'");
  });

  test('a code used twice is refused by GitHub, and the window says so', async () => {
    const start = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github`), oauth);
    const back = await approve(start.headers.get('location')!);
    expect((await handleCmsAuth(new Request(back), oauth)).status).toBe(200);
    const again = await handleCmsAuth(new Request(back), oauth);
    expect(again.status).toBe(502);
    expect(await resultOf(again)).toMatch(/^authorization:github:error:.*incorrect or expired/);
  });

  test('a callback this server did not start (forged, altered or expired state) is refused without asking GitHub', async () => {
    const before = github.exchanges.length;
    const forged = await handleCmsAuth(new Request(`${SITE}/api/cms/callback?code=abc&state=made.up.state`), oauth);
    expect(forged.status).toBe(400);
    const state = await signState(CLIENT_SECRET);
    const altered = state.replace(/\.(\d+)\./, (_, t: string) => `.${Number(t) + 3600}.`);
    expect((await handleCmsAuth(new Request(`${SITE}/api/cms/callback?code=abc&state=${altered}`), oauth)).status).toBe(400);
    const old = await signState(CLIENT_SECRET, Date.now() - 11 * 60 * 1000);
    expect((await handleCmsAuth(new Request(`${SITE}/api/cms/callback?code=abc&state=${old}`), oauth)).status).toBe(400);
    expect(await verifyState('another-secret', state)).toBe(false);
    expect(github.exchanges.length).toBe(before);
    expect(await resultOf(forged)).toMatch(/^authorization:github:error:.*expired or did not start here/);
  });

  test('an editor who cancels on GitHub is told so', async () => {
    const start = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github`), oauth);
    const back = await approve(start.headers.get('location')!, 'cancel');
    const response = await handleCmsAuth(new Request(back), oauth);
    expect(response.status).toBe(400);
    expect(await resultOf(response)).toMatch(/chose not to/);
  });

  test('a wrong client secret: GitHub refuses, and the window says so', async () => {
    const wrong = { ...oauth, clientSecret: 'not-the-secret' };
    const start = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github`), wrong);
    const back = await approve(start.headers.get('location')!);
    const response = await handleCmsAuth(new Request(back), wrong);
    expect(response.status).toBe(502);
    expect(await resultOf(response)).toMatch(/GitHub refused the sign-in: The client_id and\/or client_secret passed are incorrect/);
  });

  test('GitHub unreachable: a plain answer, not a hang', async () => {
    const gone = { ...oauth, url: 'http://127.0.0.1:9' };
    const start = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github`), oauth);
    const back = await approve(start.headers.get('location')!);
    const response = await handleCmsAuth(new Request(back), gone);
    expect(response.status).toBe(502);
    expect(await resultOf(response)).toMatch(/did not answer/);
  });

  test('a site without a GitHub app says what to set up', async () => {
    const response = await handleCmsAuth(new Request(`${SITE}/api/cms/auth?provider=github`), undefined);
    expect(response.status).toBe(503);
    expect(await resultOf(response)).toMatch(/CMS_GITHUB_CLIENT_ID and CMS_GITHUB_CLIENT_SECRET/);
  });

  test('the settings need both halves of the app, and TLS to anything but loopback', () => {
    expect(() => readSettings({ CMS_GITHUB_CLIENT_ID: 'x' })).toThrow(/CMS_GITHUB_CLIENT_SECRET must be set too/);
    expect(() => readSettings({ CMS_GITHUB_CLIENT_ID: 'x', CMS_GITHUB_CLIENT_SECRET: 'y', CMS_GITHUB_URL: 'http://github.example.org' })).toThrow(/CMS_GITHUB_URL/);
    expect(readSettings({ CMS_GITHUB_CLIENT_ID: 'x', CMS_GITHUB_CLIENT_SECRET: 'y' }).cms.github).toEqual({ clientId: 'x', clientSecret: 'y', url: 'https://github.com' });
    expect(readSettings({}).cms.github).toBeUndefined();
  });
});
