/// <reference types="astro/client" />

declare module 'virtual:see-the-signs/partnership' {
  const partnership: import('./schemas/partnership.ts').Partnership;
  export default partnership;
}
declare module 'virtual:see-the-signs/brand.css';
declare module 'virtual:see-the-signs/short-links' {
  /** Each campaign short link, lower case, and the campaign page it leads to. */
  const redirects: Readonly<Record<string, string>>;
  export default redirects;
}

// The Worker runtime's bindings; typed where they are used (src/report/cloudflare-runtime.ts).
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}
