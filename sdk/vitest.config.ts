import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
    // The tarball test builds, packs and installs; it runs alone in its own file.
    fileParallelism: false,
  },
});
