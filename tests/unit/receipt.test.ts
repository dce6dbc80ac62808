// The confirmation page's receipt: it opens to the reference it sealed, for 30 minutes, and to
// nothing when altered, made up, sealed under another key, or old.
import { describe, expect, test } from 'vitest';
import { deriveKeys } from '../../src/report/crypto.ts';
import { openReceipt, RECEIPT_MAX_AGE_MS, receiptLocation, sealReceipt } from '../../src/report/receipt.ts';

const keys = await deriveKeys(new Uint8Array(32).fill(7));
const NOW = Date.UTC(2026, 10, 21, 17, 30);
const receipt = { reference: 'ABCD-2345', danger: true };

describe('receipts', () => {
  test('open to what was sealed, within the time allowed', async () => {
    const sealed = await sealReceipt(keys, receipt, NOW);
    expect(await openReceipt(keys, sealed, NOW)).toEqual(receipt);
    expect(await openReceipt(keys, sealed, NOW + RECEIPT_MAX_AGE_MS)).toEqual(receipt);
    expect(await openReceipt(keys, await sealReceipt(keys, { reference: 'ABCD-2345', danger: false }, NOW), NOW)).toEqual({ reference: 'ABCD-2345', danger: false });
  });

  test('show neither the reference nor the answer in the address', async () => {
    const location = await receiptLocation(keys, receipt, NOW);
    expect(location).toMatch(/^\/report\/sent\/\?receipt=[A-Za-z0-9_-]+$/);
    expect(location).not.toContain('ABCD');
    // Sealing the same receipt twice gives two addresses.
    expect(await receiptLocation(keys, receipt, NOW)).not.toBe(location);
  });

  test('open to nothing when old, from the future, altered, made up or sealed under another key', async () => {
    const sealed = await sealReceipt(keys, receipt, NOW);
    expect(await openReceipt(keys, sealed, NOW + RECEIPT_MAX_AGE_MS + 1)).toBeNull();
    expect(await openReceipt(keys, sealed, NOW - 5 * 60_000)).toBeNull();
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    expect(await openReceipt(keys, flipped, NOW)).toBeNull();
    for (const bad of [null, '', 'not-a-receipt', '!!!', 'A'.repeat(500)]) expect(await openReceipt(keys, bad, NOW)).toBeNull();
    const otherKeys = await deriveKeys(new Uint8Array(32).fill(8));
    expect(await openReceipt(otherKeys, sealed, NOW)).toBeNull();
  });
});
