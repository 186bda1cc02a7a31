import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Building the single executables takes a minute: test/package runs with `npm run test:package`.
    include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share each worker's module graph instead of loading it again per file: the
    // files keep no state in modules (the in-process runner restores what it changes).
    isolate: false,
    // Vitest's default (one worker per core but one) leaves a 2-core machine running one file at
    // a time; much of a test's time is a costar process, a terminal session or a language server
    // it waits for, so two more workers than cores keep both cores busy (on 2 idle cores:
    // 109 s against 113–124 s with one more).
    maxWorkers: availableParallelism() + 2,
  },
});
