// Entry of a parser's worker thread. Plain JavaScript so that it starts the
// same under `node --import tsx`, vitest and a compiled build: it loads the
// TypeScript worker through tsx's scoped API (nothing global is registered).
import { tsImport } from 'tsx/esm/api';

await tsImport('./parser-worker.ts', import.meta.url);
