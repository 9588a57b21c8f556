import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedPostgres } from '../src/db/embedded-postgres.js';

// What is particular to the embedded engine: one process, one connection.
// Opening PGlite (compiling its WebAssembly, creating a cluster) is CPU work: a minute on a loaded machine.
describe('embedded PostgreSQL (PGlite)', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nexus-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener of the same data directory while the first has it', async () => {
    const first = await openEmbeddedPostgres(path.join(dir, 'pglite'));
    try {
      await expect(openEmbeddedPostgres(path.join(dir, 'pglite'))).rejects.toThrow(/in use by this process already.*DATABASE_URL/s);
    } finally {
      await first.close();
    }
    const again = await openEmbeddedPostgres(path.join(dir, 'pglite'));
    await again.close();
  });

  it('fails, instead of hanging, when a transaction callback queries the outer db', async () => {
    const engine = await openEmbeddedPostgres('memory://', { acquireTimeoutMs: 300 });
    try {
      const misuse = engine.db.transaction().execute(async () => {
        await sql`select 1`.execute(engine.db); // should have been `trx`
      });
      await expect(misuse).rejects.toThrow(/timeout/);
      expect((await sql<{ ok: number }>`select 1 as ok`.execute(engine.db)).rows).toEqual([{ ok: 1 }]);
    } finally {
      await engine.close();
    }
  });
});

// A transaction holds the embedded engine's only connection, so code inside a
// transaction callback must use the callback's `trx`, never `db`/`deps.db`.
describe('source code', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
    );
  /** The text of each `(trx) => …` callback given to a transaction or to createOnce. */
  const transactionCallbacks = (source: string) => {
    const bodies: string[] = [];
    for (const match of source.matchAll(/(?:\.transaction\(\)\s*\.execute|\bcreateOnce)\(/g)) {
      const start = source.indexOf('=>', match.index);
      if (start < 0) continue;
      let depth = 1;
      let end = match.index + match[0].length;
      while (depth > 0 && end < source.length) {
        const c = source[end++];
        if (c === '(') depth += 1;
        else if (c === ')') depth -= 1;
      }
      if (start < end) bodies.push(source.slice(start, end));
    }
    return bodies;
  };

  it('uses no outer db inside a transaction callback', () => {
    const offenders = files(path.resolve(import.meta.dirname, '../src')).flatMap((file) =>
      transactionCallbacks(readFileSync(file, 'utf8'))
        .flatMap((body) => body.split('\n'))
        .filter((line) => /\bdeps\.db\b|(?<![\w.])db\s*[.,)]/.test(line))
        .map((line) => `${path.relative(process.cwd(), file)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
