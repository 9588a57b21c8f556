import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (sdk/package.json "exports").
const conditions = ['@nexus/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    // Timeouts bound a hang, not speed: the suites start real processes on real services, often on
    // a loaded 2-core CI machine where that takes several times longer (see api/vitest.config.ts).
    testTimeout: 90_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
