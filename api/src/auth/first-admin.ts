import { sql } from 'kysely';
import type { AppDeps } from '../deps.js';
import { recordActivity } from '../repositories/activity.js';
import { countUsers, insertUser } from '../repositories/users.js';
import { generatePassword, hashPassword } from './passwords.js';

export const FIRST_ADMIN_EMAIL = 'admin@nexus.localhost';

/**
 * On a database with no users (first start outside production), creates an
 * admin with a random password and shows it once. Only its bcrypt hash is
 * stored. Later starts find a user and do nothing.
 */
export async function ensureFirstAdmin(deps: Pick<AppDeps, 'db' | 'config' | 'logger'>, show: (line: string) => void) {
  const password = generatePassword();
  const hash = await hashPassword(password, deps.config.BCRYPT_COST);
  const created = await deps.db.transaction().execute(async (trx) => {
    // Serialize concurrent first starts.
    await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
    if ((await countUsers(trx)) > 0) return null;
    const user = await insertUser(trx, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin', password_hash: hash });
    await recordActivity(trx, { actorId: null, action: 'user.created', entityType: 'user', entityId: user.id, summary: 'First admin account created at first start' });
    return user;
  });
  if (created) {
    deps.logger.warn({ email: created.email }, 'created the first admin account');
    show('');
    show('  First start: an admin account was created. This password is shown once and never stored:');
    show(`    email:    ${created.email}`);
    show(`    password: ${password}`);
    show('  Log in and create real accounts; then disable this one or change its role.');
    show('');
  }
}
