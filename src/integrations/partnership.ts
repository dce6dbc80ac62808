// Loads `content/partnership.yaml` once, when Astro reads its configuration, and hands the validated
// settings to pages through a virtual module, so nothing reads the file system at request time
// (the same code then runs on the Node server and in a Worker).
import type { AstroIntegration } from 'astro';
import { type Partnership } from '../schemas/partnership.ts';
import { SETTINGS } from '../schemas/collections.ts';
import { loadYamlFile } from '../lib/content-files.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/partnership';
// The brand colour travels as CSS, not an inline style attribute, so the CSP needs no 'unsafe-inline'.
const BRAND_CSS_ID = 'virtual:see-the-signs/brand.css';

/** Reads and validates the partnership file; throws one message naming the file, line and each bad field. */
export function loadPartnership(path: string): Partnership {
  return loadYamlFile(path, SETTINGS.partnership.schema);
}

/** Exposes the partnership settings as `virtual:see-the-signs/partnership`. */
export function partnershipIntegration(partnership: Partnership): AstroIntegration {
  const resolved = `\0${VIRTUAL_ID}`;
  const resolvedCss = `\0${BRAND_CSS_ID}`;
  const modules: Record<string, string> = {
    [resolved]: `export default ${JSON.stringify(partnership)};`,
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
                  id === VIRTUAL_ID ? resolved : id === BRAND_CSS_ID ? resolvedCss : undefined,
                load: (id: string) => modules[id],
              },
            ],
          },
        });
      },
    },
  };
}
