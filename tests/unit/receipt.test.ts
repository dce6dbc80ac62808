// The confirmation page's receipt: it opens to what it sealed, for RECEIPT_MAX_AGE_MS, and to
// nothing when altered, made up, sealed under another key, or old.
import { describe, expect, test } from 'vitest';
import { deriveKeys } from '../../src/report/crypto.ts';
import { openReceipt, RECEIPT_MAX_AGE_MS, receiptLocation, sealReceipt } from '../../src/report/receipt.ts';

const keys = await deriveKeys(new Uint8Array(32).fill(7));
const NOW = Date.UTC(2026, 10, 21, 17, 30);
const report = { reference: 'ABCD-2345', followUpCode: 'K7PX-2MPA-9RTE-4WNB', danger: true };
const addition = { reference: 'ABCD-2345', addition: 2 };

describe('receipts', () => {
  test('open to what was sealed, within the time allowed', async () => {
    const sealed = await sealReceipt(keys, report, NOW);
    expect(await openReceipt(keys, sealed, NOW)).toEqual(report);
    expect(await openReceipt(keys, sealed, NOW + RECEIPT_MAX_AGE_MS)).toEqual(report);
    expect(await openReceipt(keys, await sealReceipt(keys, { ...report, danger: false }, NOW), NOW)).toEqual({ ...report, danger: false });
    expect(await openReceipt(keys, await sealReceipt(keys, addition, NOW), NOW)).toEqual(addition);
  });

  test('show neither the reference nor the code in the address', async () => {
    const location = await receiptLocation(keys, report, NOW);
    expect(location).toMatch(/^\/report\/sent\/\?receipt=[A-Za-z0-9_-]+$/);
    expect(location).not.toContain('ABCD');
    expect(location).not.toContain('K7PX');
    // Sealing the same receipt twice gives two addresses.
    expect(await receiptLocation(keys, report, NOW)).not.toBe(location);
  });

  test('open to nothing when old, from the future, altered, made up or sealed under another key', async () => {
    const sealed = await sealReceipt(keys, report, NOW);
    expect(await openReceipt(keys, sealed, NOW + RECEIPT_MAX_AGE_MS + 1)).toBeNull();
    expect(await openReceipt(keys, sealed, NOW - 5 * 60_000)).toBeNull();
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    expect(await openReceipt(keys, flipped, NOW)).toBeNull();
    for (const bad of [null, '', 'not-a-receipt', '!!!', 'A'.repeat(500)]) expect(await openReceipt(keys, bad, NOW)).toBeNull();
    const otherKeys = await deriveKeys(new Uint8Array(32).fill(8));
    expect(await openReceipt(otherKeys, sealed, NOW)).toBeNull();
  });
});
