// Loads `content/partnership.yaml` and `content/bank-holidays.yaml` once, when Astro reads its
// configuration, and hands the validated settings to pages through virtual modules, so nothing
// reads the file system at request time (the same code then runs on the Node server and in a
// Worker, where the report page says whether anyone is reading reports on a bank holiday).
import type { AstroIntegration } from 'astro';
import { defaultExport, virtualModules } from './virtual-modules.ts';
import { type Partnership } from '../schemas/partnership.ts';
import type { BankHolidayChanges } from '../lib/bank-holidays.ts';
import { SETTINGS } from '../schemas/collections.ts';
import { loadYamlFile } from '../lib/content-files.ts';
import { noteContentMistake } from '../lib/dev-errors.ts';
import { iconPng, TAB_ICON_PX } from '../lib/favicon.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/partnership';
const BANK_HOLIDAYS_ID = 'virtual:see-the-signs/bank-holidays';
// The brand colour travels as CSS, not an inline style attribute, so the CSP needs no 'unsafe-inline'.
const BRAND_CSS_ID = 'virtual:see-the-signs/brand.css';
const TAB_ICON_ID = 'virtual:see-the-signs/tab-icon';

/** Reads and validates the partnership file; throws one message naming the file, line and each bad field. */
export function loadPartnership(path: string): Partnership {
  return loadYamlFile(path, SETTINGS.partnership.schema);
}

/**
 * For the editing server (`npm run dev`): a mistake in partnership.yaml is shown in the browser on
 * every page until it is fixed, rather than stopping the server with a message in a terminal. The
 * server starts with stand-in settings, which no page is ever shown with.
 */
export function loadPartnershipForEditing(path: string): Partnership {
  try {
    return loadPartnership(path);
  } catch (error) {
    noteContentMistake(path, () => loadPartnership(path));
    const line = { number: '999', hours: 'Always', source: 'https://www.gov.uk/', checked: '2026-01-01', checkedAgainst: 'saved-copy' };
    return SETTINGS.partnership.schema.parse({
      name: 'Partnership settings to fix',
      shortName: 'To fix',
      area: 'the area',
      siteUrl: 'http://localhost/',
      brandColour: '#0b0c0c',
      siteEmail: 'settings@example.org',
      reportsRead: { alwaysOpen: true },
      contacts: ['emergency', 'police', 'children', 'out-of-hours'].map((key) => ({ key, label: key, ...line })),
    });
  }
}

/**
 * The announced changes to the usual bank holidays (content/bank-holidays.yaml). The usual dates
 * are worked out from the rules wherever they are needed (src/lib/bank-holidays.ts), for any year.
 */
export function loadBankHolidayChanges(path: string): BankHolidayChanges {
  const { extra, moved } = loadYamlFile(path, SETTINGS.bankHolidays.schema);
  return { extra, moved };
}

/**
 * Exposes the partnership settings as `virtual:see-the-signs/partnership`, the bank holiday
 * changes as `virtual:see-the-signs/bank-holidays`, and the tab icon's PNG bytes as
 * `virtual:see-the-signs/tab-icon`: drawn here, at build time, because the report form's copy of it
 * is answered at request time, in a Worker too, where the renderer cannot run.
 */
export function partnershipIntegration(partnership: Partnership, bankHolidays: BankHolidayChanges): AstroIntegration {
  const modules: Parameters<typeof virtualModules>[1] = {
    [VIRTUAL_ID]: defaultExport(partnership),
    [BANK_HOLIDAYS_ID]: defaultExport(bankHolidays),
    [BRAND_CSS_ID]: `:root { --brand: ${partnership.brandColour}; }`,
    [TAB_ICON_ID]: () => `export default new Uint8Array(${JSON.stringify([...iconPng(partnership.brandColour, TAB_ICON_PX)])});`,
  };
  return {
    name: 'see-the-signs:partnership',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: { plugins: [virtualModules('see-the-signs:partnership', modules)] },
        });
      },
    },
  };
}
