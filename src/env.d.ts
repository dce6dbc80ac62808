/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** True on the Node target: module scripts load after the first paint (src/lib/after-paint.ts). */
  readonly HOLD_SCRIPTS: boolean;
}

declare module 'virtual:see-the-signs/partnership' {
  const partnership: import('./schemas/partnership.ts').Partnership;
  export default partnership;
}
/** The announced changes to the usual bank holidays, from content/bank-holidays.yaml. */
declare module 'virtual:see-the-signs/bank-holidays' {
  const changes: import('./lib/bank-holidays.ts').BankHolidayChanges;
  export default changes;
}
declare module 'virtual:see-the-signs/brand.css';
/** The tab icon, a PNG in the brand colour (src/lib/favicon.ts). */
declare module 'virtual:see-the-signs/tab-icon' {
  const png: Uint8Array;
  export default png;
}
declare module 'virtual:see-the-signs/campaign-schedule' {
  const schedule: import('./lib/campaign-schedule.ts').CampaignSchedule;
  export default schedule;
}

// The Worker runtime's bindings; typed where they are used (src/targets/cloudflare/runtime.ts).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}

declare module 'virtual:see-the-signs/i18n' {
  const i18n: import('./integrations/i18n.ts').I18nData;
  export default i18n;
}

declare module 'virtual:see-the-signs/easy-read' {
  /** English path of a standard page -> its Easy Read version. */
  const versions: Record<string, string>;
  export default versions;
}

// subset-font ships no types; this is the part the build uses (src/integrations/urdu-font.ts).
declare module 'subset-font' {
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' }): Promise<Uint8Array>;
}
