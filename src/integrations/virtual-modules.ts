// The virtual modules the integrations hand to the site ("virtual:see-the-signs/…"): data read once
// at build start, given to pages and scripts as a module. One Vite plugin shape for all of them.
import type { Plugin } from 'vite';

/**
 * A Vite plugin that answers each id in `modules` with its source (`\0` marks it as virtual). A
 * source given as a function is made when the module is first asked for, not at every start.
 */
export function virtualModules(name: string, modules: Record<string, string | (() => string)>): Plugin {
  return {
    name,
    resolveId: (id: string) => (id in modules ? `\0${id}` : undefined),
    load: (id: string) => {
      const source = id.startsWith('\0') ? modules[id.slice(1)] : undefined;
      return typeof source === 'function' ? source() : source;
    },
  };
}

/** A module whose default export is `value`. */
export const defaultExport = (value: unknown) => `export default ${JSON.stringify(value)};`;
