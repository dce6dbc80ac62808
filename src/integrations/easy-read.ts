// Which standard pages have an Easy Read version, read when Astro loads its configuration so every
// page (the report form too, rendered on demand) can link to it: `virtual:see-the-signs/easy-read`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { AstroIntegration } from 'astro';
import { defaultExport, virtualModules } from './virtual-modules.ts';

const VIRTUAL_ID = 'virtual:see-the-signs/easy-read';

/** English path of a standard page -> the address of its Easy Read version. */
export function easyReadVersions(content: string): Record<string, string> {
  const dir = join(content, 'easy-read');
  if (!existsSync(dir)) return {};
  const versions: Record<string, string> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'pictures.yaml' && f !== 'glossary.yaml')) {
    const data = yaml.load(readFileSync(join(dir, file), 'utf8')) as { versionOf?: unknown };
    for (const path of Array.isArray(data.versionOf) ? data.versionOf : []) versions[String(path)] ??= `/easy-read/${file.replace(/\.yaml$/, '')}/`;
  }
  return versions;
}

export function easyReadIntegration(content: string): AstroIntegration {
  return {
    name: 'see-the-signs:easy-read',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [virtualModules('see-the-signs:easy-read', { [VIRTUAL_ID]: defaultExport(easyReadVersions(content)) })] } });
      },
    },
  };
}
