import { defineConfig } from 'vitest/config';

// Browser journeys against the real server (started once by the global setup). Files run one
// after the other: they share one server and its demo territory.
export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['./support/globalSetup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // `expect.poll` waits 1 s by default: far too little for a server on embedded PGlite on a slow
    // 2-core CI machine (a message after a save, an alert raised by the worker).
    expect: { poll: { timeout: 20_000, interval: 100 } },
    reporters: ['default'],
  },
});
