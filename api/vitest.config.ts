import { defineConfig } from 'vitest/config';

// Workspace packages (@nexus/sdk) resolve to their TypeScript sources: see sdk/package.json "exports".
const conditions = ['@nexus/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    // Timeouts bound a hang, not speed. The suites run on real services, often on a loaded
    // 2-core CI machine where the same work takes several times longer than on an idle one
    // (a full run beside other work: a 15 s test took 46 s; opening PGlite and migrating took
    // a minute). Timed targets live in bench/, not here.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // expect.poll waits for an asynchronous delivery (a Redis pub/sub event); vitest's default is 1 s.
    expect: { poll: { timeout: 15_000 } },
    // Test files use their own databases; two workers suit the 2-core machine.
    maxWorkers: 2,
  },
});
