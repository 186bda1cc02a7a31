import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Building the single executables takes a minute: test/package runs with `npm run test:package`.
    include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
