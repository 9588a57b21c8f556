import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files use their own databases; two workers suit the 2-core machine.
    maxWorkers: 2,
  },
});
