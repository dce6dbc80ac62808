/// <reference types="astro/client" />

declare module 'virtual:see-the-signs/partnership' {
  const partnership: import('./schemas/partnership.ts').Partnership;
  export default partnership;
}
declare module 'virtual:see-the-signs/brand.css';
