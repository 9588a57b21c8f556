import { defineConfig } from 'vitest/config';

// End-to-end: the real API (fresh database) and the production build of the web
// app, driven by Debian's Chromium. One stack and one browser for all files,
// started in global-setup.ts; files run one after another.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    // Timeouts bound a hang, not speed: on a loaded 2-core CI machine the browser, the web
    // server and the API take several times longer than on an idle one.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // expect.poll waits for the page or the API to get somewhere; vitest's default (1 s) is
    // less than one slow render.
    expect: { poll: { timeout: 20_000 } },
  },
});
