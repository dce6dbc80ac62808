// The directory's open data: /directory/services.json and one file per service validate against
// Open Referral UK's published JSON schema (vendored in tests/fixtures/open-referral-uk/, see its
// README for the source), and the CSV has one row per service.
import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const serviceSchema = JSON.parse(readFileSync('tests/fixtures/open-referral-uk/service.json', 'utf8'));
const listItemSchema = JSON.parse(readFileSync('tests/fixtures/open-referral-uk/service_list.json', 'utf8'));
const validateService = ajv.compile(serviceSchema);
const validateListItem = ajv.compile(listItemSchema);
const serviceFiles = readdirSync('content/services').filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, ''));

describe('Open Referral UK export', () => {
  const list = JSON.parse(readFileSync('dist/client/directory/services.json', 'utf8'));

  test('the list has every service, paginated as the ORUK API is', () => {
    expect(list).toMatchObject({ total_items: serviceFiles.length, page_number: 1, total_pages: 1, first_page: true, last_page: true });
    expect(list.contents).toHaveLength(serviceFiles.length);
  });

  test('the validator rejects a service that breaks the schema', () => {
    expect(validateService({ id: 'not-a-uuid', name: 'X', status: 'open' })).toBe(false);
  });

  for (const id of serviceFiles) {
    test(`${id}.json validates against ORUK service.json`, () => {
      const one = JSON.parse(readFileSync(`dist/client/directory/services/${id}.json`, 'utf8'));
      const ok = validateService(one);
      expect(validateService.errors ?? [], JSON.stringify(validateService.errors)).toEqual([]);
      expect(ok).toBe(true);
      expect(validateListItem(one)).toBe(true);
      expect(list.contents.some((s: { id: string }) => s.id === one.id)).toBe(true);
    });
  }

  test('phone numbers in the export match the content', () => {
    const childline = JSON.parse(readFileSync('dist/client/directory/services/childline.json', 'utf8'));
    expect(childline.phones).toEqual([expect.objectContaining({ number: '0800 1111', type: 'voice' })]);
    expect(childline.schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU' });
  });

  test('the CSV has a row per service', () => {
    const csv = readFileSync('dist/client/directory/services.csv', 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^id,name,organisation,/);
    expect(csv).toHaveLength(serviceFiles.length + 1);
  });
});
