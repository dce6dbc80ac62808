/// <reference types="astro/client" />

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
declare module 'virtual:see-the-signs/campaign-schedule' {
  const schedule: import('./lib/campaign-schedule.ts').CampaignSchedule;
  export default schedule;
}

// The Worker runtime's bindings; typed where they are used (src/targets/cloudflare/runtime.ts).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}
