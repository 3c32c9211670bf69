import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // better-sqlite3 and the CLI tests spawn processes; a generous timeout keeps a loaded 2-core CI green.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
