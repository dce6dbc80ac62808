// The environment `npm run build` gives Astro's build (scripts/build.ts). The 10,000-service
// benchmark (bench/directory.ts) builds with the same, so it measures the build as it is run.

/** `env` with what the build needs set. */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The bundler (Rolldown, native code) allocates with mimalloc, which by default commits memory
    // for a whole arena at a time and keeps it: 250 MB of the demo build's 1.1 GB peak was committed
    // and never used. Committing only what it uses makes the build no slower. Read as the process
    // starts, so it is set here rather than in astro.config.ts.
    MIMALLOC_ARENA_EAGER_COMMIT: env.MIMALLOC_ARENA_EAGER_COMMIT ?? '0',
  };
}
