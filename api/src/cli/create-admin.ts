import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { generatePassword, hashPassword, MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH, passwordBytes } from '../auth/passwords.js';
import { recordActivity } from '../repositories/activity.js';
import { findUserByEmail, insertUser } from '../repositories/users.js';

/**
 * Creates an admin account:
 *   pnpm --filter @nexus/api create-admin --email you@example.com --name "Your Name"
 * The password is read from stdin with --password-stdin, or generated and shown once.
 */
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
});
if (!values.email || !values.name) {
  process.stderr.write('usage: create-admin --email <email> --name <name> [--password-stdin]\n');
  process.exit(2);
}
const config = loadConfig();
let password = generatePassword();
if (values['password-stdin']) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH || passwordBytes(password) > MAX_PASSWORD_BYTES) {
    process.stderr.write(`The password must have at least ${MIN_PASSWORD_LENGTH} characters and at most ${MAX_PASSWORD_BYTES} bytes in UTF-8.\n`);
    process.exit(2);
  }
}
// DATABASE_URL, or the embedded database under DATA_DIR (stop `npm start` first: it holds that one).
const database = await openDatabase({ ...config, DATABASE_POOL_MAX: 1 });
const { db } = database;
try {
  await migrateToLatest(db);
  if (await findUserByEmail(db, values.email)) {
    process.stderr.write(`A user with email ${values.email} already exists.\n`);
    process.exit(1);
  }
  const user = await insertUser(db, {
    email: values.email,
    name: values.name,
    role: 'admin',
    password_hash: await hashPassword(password, config.BCRYPT_COST),
  });
  await recordActivity(db, { actorId: null, action: 'user.created', entityType: 'user', entityId: user.id, summary: `Admin ${user.email} created from the command line` });
  process.stdout.write(`created admin ${user.email} (${user.id})\n`);
  if (!values['password-stdin']) process.stdout.write(`password (shown once): ${password}\n`);
} finally {
  await database.close();
}
