import { defineConfig } from 'vitest/config';

// Workspace packages (@nexus/sdk) resolve to their TypeScript sources: see sdk/package.json "exports".
const conditions = ['@nexus/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files use their own databases; two workers suit the 2-core machine.
    maxWorkers: 2,
  },
});
