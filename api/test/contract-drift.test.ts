import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContractDocument } from '../src/openapi/contract.js';

describe('openapi/openapi.json', () => {
  it('is exactly what the route definitions generate (run `pnpm generate` and commit)', () => {
    const committed = readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(buildContractDocument(), null, 2)}\n`);
  });

  it('gives every operation an operationId, a summary and its own security', () => {
    const document = buildContractDocument();
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {}) as [string, { operationId?: string; summary?: string; security?: unknown }][]) {
        expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        expect(Array.isArray(operation.security), `${method} ${path}`).toBe(true);
      }
    }
  });
});
