import { defineConfig } from 'vitest/config';

// Two kinds of Vitest test: `unit` needs nothing built; `build` reads the built site in dist/.
export default defineConfig({
  test: {
    environment: 'node',
    // A file per core. Vitest's default leaves one core free (one file at a time on a 2-core
    // machine), but the long files here mostly wait on programs they start (astro sync, a build of
    // an adopter's copy, servers), so the other core sat idle. Files that start a server each use
    // a port of their own.
    maxWorkers: '100%',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
    ],
  },
});
