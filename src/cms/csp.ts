// The content editor's own Content-Security-Policy, sent in /admin/index.html. Its relaxations are
// for /admin alone; every page of the site keeps its strict, hash-based policy.
import type { Partnership } from '../schemas/partnership.ts';
import { backendFor } from './config.ts';
import { LOCAL_BACKEND_PORT } from './shared.ts';

/** The forge the editor talks to: its API, and where sign-in and avatars come from. */
function forgeSources(partnership: Partnership): { connect: string[]; img: string[] } {
  const backend = backendFor(partnership);
  const origin = (url: unknown) => (typeof url === 'string' ? new URL(url).origin : undefined);
  switch (backend.name) {
    case 'github':
      return { connect: [origin(backend.api_root) ?? 'https://api.github.com'], img: ['https://avatars.githubusercontent.com'] };
    case 'gitlab':
      return { connect: [origin(backend.api_root) ?? 'https://gitlab.com', origin(backend.base_url) ?? 'https://gitlab.com'], img: [origin(backend.base_url) ?? 'https://gitlab.com', 'https://secure.gravatar.com'] };
    case 'gitea':
      return { connect: [origin(backend.api_root)!, origin(backend.base_url)!], img: [origin(backend.base_url)!] };
    default:
      return { connect: [], img: [] };
  }
}

export function adminCsp(partnership: Partnership): string {
  const forge = forgeSources(partnership);
  const local = [`http://127.0.0.1:${LOCAL_BACKEND_PORT}`, `http://localhost:${LOCAL_BACKEND_PORT}`];
  const unique = (list: string[]) => [...new Set(list)].join(' ');
  return [
    "default-src 'self'",
    // Decap CMS compiles code at run time (new Function, WebAssembly for image uploads)…
    "script-src 'self' 'unsafe-eval'",
    // …and writes its styles into the page as it renders (emotion).
    "style-src 'self' 'unsafe-inline'",
    `img-src ${unique(["'self'", 'data:', 'blob:', ...forge.img])}`,
    `connect-src ${unique(["'self'", ...local, ...forge.connect])}`,
    "font-src 'self' data:",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
