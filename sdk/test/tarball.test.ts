// The published artefact, as a third party gets it: build, `npm pack`, install the
// tarball into an empty project outside the repository (openapi-fetch from the
// registry), type-check a consumer against its declarations, and run a consumer
// script against the real API.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../scripts/lib/test-stack.mjs';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(SDK_DIR, 'test', 'fixtures');
const TSC = join(SDK_DIR, 'node_modules', '.bin', 'tsc');

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let workDir: string;
let project: string;
let packed: PackResult;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'nexus-sdk-tarball-'));
  expect(workDir.startsWith(join(SDK_DIR, '..'))).toBe(false);

  await rm(join(SDK_DIR, 'dist'), { recursive: true, force: true });
  await execa(TSC, ['-p', 'tsconfig.build.json'], { cwd: SDK_DIR });
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: SDK_DIR });
  packed = (JSON.parse(pack.stdout) as PackResult[])[0]!;

  project = join(workDir, 'consumer');
  await mkdir(project);
  await execa('npm', ['init', '-y'], { cwd: project });
  const manifest = JSON.parse(await readFile(join(project, 'package.json'), 'utf8'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ ...manifest, type: 'module' }, null, 2));
  await execa('npm', ['install', join(workDir, packed.filename), '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project });
  await copyFile(join(FIXTURES, 'consumer.mjs'), join(project, 'consumer.mjs'));
  await copyFile(join(FIXTURES, 'consumer-types.ts'), join(project, 'consumer-types.ts'));
}, 240_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the npm tarball', () => {
  it('ships the built ESM, its declarations and the README, and no tests', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/generated/operations.js', 'dist/chat/index.js', 'dist/chat/index.d.ts', 'dist/pricing/index.js', 'dist/pricing/index.d.ts']));
    expect(paths.filter((path) => path.startsWith('test/') || path.startsWith('scripts/'))).toEqual([]);
  });

  it('installs with openapi-fetch and zod (for the chat subpath) as its only dependencies', async () => {
    const installed = JSON.parse(await readFile(join(project, 'node_modules', '@nexus', 'sdk', 'package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies)).toEqual(['openapi-fetch', 'zod']);
    const { stdout } = await execa('node', ['-e', "import('@nexus/sdk').then((sdk) => console.log(Object.keys(sdk.operations).length, typeof sdk.createNexusClient))"], {
      cwd: project,
    });
    expect(stdout).toMatch(/^\d+ function$/);
    const chat = await execa('node', ['-e', "import('@nexus/sdk/chat').then((chat) => console.log(chat.conversationChannel('x'), chat.AUTH_REVOKED_CHANNEL))"], {
      cwd: project,
    });
    expect(chat.stdout).toBe('chat.conversation.x auth.revoked');
    const pricing = await execa(
      'node',
      ['-e', "import('@nexus/sdk/pricing').then((p) => console.log(JSON.stringify(p.priceQuote({ taxRateBp: 900, lines: [{ quantity: '2', unitPriceMinor: 12990, discountBp: 0 }] }))))"],
      { cwd: project },
    );
    expect(JSON.parse(pricing.stdout)).toEqual({ lineTotalsMinor: [25980], subtotalMinor: 25980, taxMinor: 2338, totalMinor: 28318 });
  });

  it('type-checks a TypeScript consumer against the published declarations', async () => {
    // skipLibCheck off: the published .d.ts files themselves (and those they pull in) must compile.
    const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', lib: ['ES2023', 'DOM'], types: [], skipLibCheck: false };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer-types.ts'] }));
    const result = await execa(TSC, ['-p', 'tsconfig.json'], { cwd: project, reject: false });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    // zod's declarations (the chat subpath) are checked too: ~15 s of CPU, far more on a busy machine.
  }, 240_000);

  it('runs a consumer script against the real API: login, create, paginate, ETag, typed 412', async () => {
    const api = await startApi();
    try {
      const admin = api.admin;
      if (!admin) throw new Error(`the API printed no admin credentials:\n${api.output()}`);
      const run = await execa('node', ['consumer.mjs'], {
        cwd: project,
        env: { NEXUS_API_URL: api.baseUrl, NEXUS_EMAIL: admin.email, NEXUS_PASSWORD: admin.password },
        extendEnv: false,
        reject: false,
      });
      expect(run.stderr, run.stdout).toBe('');
      expect(run.exitCode).toBe(0);
      const summary = JSON.parse(run.stdout);
      expect(summary).toMatchObject({
        ok: true,
        seenByIterator: 3,
        listPages: 2,
        staleUpdate: { status: 412, kind: 'precondition-failed', name: 'PreconditionFailedError' },
      });
      expect(summary.created).toHaveLength(3);
      expect(summary.staleUpdate.requestId).toEqual(expect.any(String));
    } finally {
      await api.stop();
    }
  }, 120_000);
});
