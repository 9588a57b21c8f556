import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from './support/contract.js';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const COMMITTED = join(SDK_DIR, 'src', 'generated');
const GENERATED = ['enums.ts', 'operations.ts', 'schema.ts'];
const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function generateInto(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'nexus-sdk-generate-'));
  temporary.push(out);
  await execa('node', ['scripts/generate.mjs', '--spec', OPENAPI_PATH, '--out', out], { cwd: SDK_DIR });
  return out;
}

describe('generation', () => {
  it('reproduces the committed files byte for byte (CI fails on drift)', async () => {
    const out = await generateInto();
    expect((await readdir(out)).sort()).toEqual(GENERATED);
    for (const name of GENERATED) {
      const fresh = await readFile(join(out, name), 'utf8');
      const committed = await readFile(join(COMMITTED, name), 'utf8');
      expect(fresh, `${name} is stale: run pnpm generate`).toBe(committed);
    }
  });

  it('is deterministic: two runs give identical bytes', async () => {
    const [first, second] = [await generateInto(), await generateInto()];
    for (const name of GENERATED) {
      expect(await readFile(join(first, name), 'utf8')).toBe(await readFile(join(second, name), 'utf8'));
    }
  });

  it('marks the generated files as generated', async () => {
    for (const name of GENERATED) {
      expect(await readFile(join(COMMITTED, name), 'utf8')).toMatch(/^\/\/ generated — do not edit/);
    }
  });

  it('--check fails on drift', async () => {
    const out = await generateInto();
    const ok = await execa('node', ['scripts/generate.mjs', '--spec', OPENAPI_PATH, '--out', out, '--check'], { cwd: SDK_DIR, reject: false });
    expect(ok.exitCode).toBe(0);
    await rm(join(out, 'operations.ts'));
    const stale = await execa('node', ['scripts/generate.mjs', '--spec', OPENAPI_PATH, '--out', out, '--check'], { cwd: SDK_DIR, reject: false });
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toMatch(/operations\.ts/);
  });
});
