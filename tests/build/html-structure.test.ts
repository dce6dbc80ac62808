// Every built page is one well-formed document: nothing after </html> (a <script> placed outside the
// layout used to land there, which is invalid HTML that browsers only tolerate).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

test('no built page has anything after </html>', () => {
  const files = htmlFiles('dist/client');
  expect(files.length).toBeGreaterThan(50);
  const bad = files.filter((f) => {
    const html = readFileSync(f, 'utf8').trim();
    return !html.endsWith('</html>') || html.indexOf('</html>') !== html.lastIndexOf('</html>');
  });
  expect(bad).toEqual([]);
});
