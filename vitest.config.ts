import { defineConfig } from 'vitest/config';

// Two kinds of Vitest test: `unit` needs nothing built; `build` reads the built site in dist/.
export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
    ],
  },
});
