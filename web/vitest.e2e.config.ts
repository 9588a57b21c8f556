import { defineConfig } from 'vitest/config';

// End-to-end: the real API (fresh database) and the production build of the web
// app, driven by Debian's Chromium. One stack and one browser for all files,
// started in global-setup.ts; files run one after another.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
