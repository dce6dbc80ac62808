// Loads `content/partnership.yaml` once, when Astro reads its configuration, and hands the validated
// settings to pages through a virtual module, so nothing reads the file system at request time
// (the same code then runs on the Node server and in a Worker).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import yaml from 'js-yaml';
import type { AstroIntegration } from 'astro';
import { PartnershipSchema, type Partnership } from '../schemas/partnership.ts';
import { formatIssues } from '../lib/format-issues.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/partnership';
// The brand colour travels as CSS, not an inline style attribute, so the CSP needs no 'unsafe-inline'.
const BRAND_CSS_ID = 'virtual:see-the-signs/brand.css';

/** Reads and validates the partnership file; throws one message naming the file and each bad field. */
export function loadPartnership(path: string): Partnership {
  const shown = relative(process.cwd(), path) || path;
  let raw: unknown;
  try {
    raw = yaml.load(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${shown}: could not be read as YAML: ${(error as Error).message}`);
  }
  const result = PartnershipSchema.safeParse(raw);
  if (!result.success) throw new Error(formatIssues(shown, result.error.issues));
  return result.data;
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
