// Loads `content/partnership.yaml` and `content/bank-holidays.yaml` once, when Astro reads its
// configuration, and hands the validated settings to pages through virtual modules, so nothing
// reads the file system at request time (the same code then runs on the Node server and in a
// Worker, where the report page says whether anyone is reading reports on a bank holiday).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import yaml from 'js-yaml';
import type { AstroIntegration } from 'astro';
import type { z } from 'astro/zod';
import { PartnershipSchema, type Partnership } from '../schemas/partnership.ts';
import { BankHolidaysSchema } from '../schemas/service.ts';
import { formatIssues } from '../lib/format-issues.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/partnership';
const BANK_HOLIDAYS_ID = 'virtual:see-the-signs/bank-holidays';
// The brand colour travels as CSS, not an inline style attribute, so the CSP needs no 'unsafe-inline'.
const BRAND_CSS_ID = 'virtual:see-the-signs/brand.css';

/** Reads and validates one settings file; throws one message naming the file and each bad field. */
function loadSettings<T>(path: string, schema: z.ZodType<T>): T {
  const shown = relative(process.cwd(), path) || path;
  let raw: unknown;
  try {
    raw = yaml.load(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${shown}: could not be read as YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(shown, result.error.issues));
  return result.data;
}

/** The partnership file, validated. */
export const loadPartnership = (path: string): Partnership => loadSettings(path, PartnershipSchema);

/** Every bank holiday date (YYYY-MM-DD) in the bank holidays file, validated. */
export const loadBankHolidays = (path: string): string[] => loadSettings(path, BankHolidaysSchema).dates;

/**
 * Exposes the partnership settings as `virtual:see-the-signs/partnership` and the bank holidays
 * as `virtual:see-the-signs/bank-holidays`.
 */
export function partnershipIntegration(partnership: Partnership, bankHolidays: string[]): AstroIntegration {
  const resolved = `\0${VIRTUAL_ID}`;
  const resolvedHolidays = `\0${BANK_HOLIDAYS_ID}`;
  const resolvedCss = `\0${BRAND_CSS_ID}`;
  const modules: Record<string, string> = {
    [resolved]: `export default ${JSON.stringify(partnership)};`,
    [resolvedHolidays]: `export default ${JSON.stringify(bankHolidays)};`,
    [resolvedCss]: `:root { --brand: ${partnership.brandColour}; }`,
  };
  return {
    name: 'see-the-signs:partnership',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'see-the-signs:partnership',
                resolveId: (id: string) =>
                  id === VIRTUAL_ID ? resolved : id === BANK_HOLIDAYS_ID ? resolvedHolidays : id === BRAND_CSS_ID ? resolvedCss : undefined,
                load: (id: string) => modules[id],
              },
            ],
          },
        });
      },
    },
  };
}
