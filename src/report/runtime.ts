// The platform's pipeline. Resolved at build time: the Cloudflare target aliases this module to
// its own (D1 and Worker secrets), so the Node bundle never sees Worker code and vice versa.
export { clientAddressOf, getPipeline, nodeSettings as currentSettings } from './node-runtime.ts';
