// `npm run dev` is the editors' preview: it must look like the site and show their mistakes.
// Astro's hashed Content-Security-Policy cannot cover the styles Vite injects while developing
// (every page was unstyled), so the policy is left to builds, where it is tested; the dev toolbar
// is hidden because it is not part of the site. The settings files are watched, so a change to
// partnership.yaml restarts the preview with it.
import type { AstroIntegration } from 'astro';

export function editingServerIntegration(watched: readonly string[]): AstroIntegration {
  return {
    name: 'see-the-signs:editing-server',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, addWatchFile }) => {
        if (command !== 'dev') return;
        updateConfig({ security: { csp: false }, devToolbar: { enabled: false } });
        for (const file of watched) addWatchFile(file);
      },
    },
  };
}
