import { expect, test } from 'vitest';
import { isSameOriginPost } from '../../src/report/same-origin.ts';

const post = (headers: Record<string, string>) => new Request('http://site.example/report/', { method: 'POST', headers: { host: 'site.example', ...headers } });

test('fetch metadata decides when a browser sends it', () => {
  expect(isSameOriginPost(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(true);
  expect(isSameOriginPost(post({ 'sec-fetch-site': 'cross-site', origin: 'http://site.example' }))).toBe(false);
  expect(isSameOriginPost(post({ 'sec-fetch-site': 'same-site' }))).toBe(false);
});

test('otherwise the Origin must be this host', () => {
  expect(isSameOriginPost(post({ origin: 'http://site.example' }))).toBe(true);
  expect(isSameOriginPost(post({ origin: 'https://evil.example' }))).toBe(false);
  expect(isSameOriginPost(post({}))).toBe(true);
});
