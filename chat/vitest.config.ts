import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (sdk/package.json "exports").
const conditions = ['@nexus/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
