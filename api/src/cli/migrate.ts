import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { migrator } from '../db/migrate.js';

/** `pnpm --filter @nexus/api migrate [up|down|status]` — versioned migrations by hand (start also applies them). */
const command = process.argv[2] ?? 'up';
const config = loadConfig();
// DATABASE_URL, or the embedded database under DATA_DIR (stop `npm start` first: it holds that one).
const database = await openDatabase({ ...config, DATABASE_POOL_MAX: 1 });
const { db } = database;
try {
  const m = migrator(db);
  if (command === 'status') {
    for (const migration of await m.getMigrations()) {
      process.stdout.write(`${migration.executedAt ? 'applied ' : 'pending '} ${migration.name}\n`);
    }
  } else {
    const result = command === 'down' ? await m.migrateDown() : await m.migrateToLatest();
    for (const r of result.results ?? []) process.stdout.write(`${r.status.padEnd(8)} ${r.direction} ${r.migrationName}\n`);
    if (result.error) throw result.error;
    if ((result.results ?? []).length === 0) process.stdout.write('nothing to do\n');
  }
} finally {
  await database.close();
}
