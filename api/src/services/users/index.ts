import type { AppDeps } from '../../deps.js';
import { hashPassword } from '../../auth/passwords.js';
import { secretDigest } from '../../auth/signing-key.js';
import type { Role } from '../../domain/users/roles.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { revokeAllSessionsOf } from '../../repositories/sessions.js';
import { countActiveAdmins, findUserByEmail, findUserById, insertUser, listUsers, lockAdmins, updateUserAtVersion } from '../../repositories/users.js';
import type { Caller } from '../caller.js';
import { publishAuthRevoked, type AuthRevokedEvent } from '../chat/chat-events.js';
import { createOnce, type Created } from '../idempotency.js';
import { updateExpectedVersion, type ExpectedVersion } from '../versions.js';
import { toUserView, type UserView } from './user-view.js';

export { toUserView, type UserView } from './user-view.js';

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
}

/** User accounts (admin only, by contract): list, create, change name, role or access — never leaving the system without an admin. */
export function usersService(deps: Pick<AppDeps, 'db' | 'config' | 'pubsub' | 'logger' | 'signingKey' | 'verifiedTokens'>) {
  const { db } = deps;

  return {
    async list(query: { limit: number; cursor?: string | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listUsers(db, { limit: query.limit, ...(after ? { after } : {}) });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
    },

    async get(id: string): Promise<UserView> {
      const user = await findUserById(db, id);
      if (!user) throw problems.notFound('The user');
      return toUserView(user);
    },

    /** The caller's own account; gone means the token outlived it (401). */
    async me(caller: Pick<Caller, 'id'>): Promise<UserView> {
      const user = await findUserById(db, caller.id);
      if (!user) throw problems.unauthorized('The account no longer exists.');
      return toUserView(user);
    },

    async create(caller: Caller, input: NewUserInput, idempotencyKey: string | undefined): Promise<Created<UserView>> {
      const passwordHash = await hashPassword(input.password, deps.config.BCRYPT_COST);
      // Every field counts towards "the same request", the password too (as a keyed digest, never stored as is).
      return createOnce(db, { userId: caller.id, key: idempotencyKey, operation: 'createUser', payload: { ...input, password: secretDigest(deps.signingKey, 'idempotency fingerprint', input.password) } }, async (trx) => {
        if (await findUserByEmail(trx, input.email)) throw problems.conflict('A user with this email already exists.');
        const user = await insertUser(trx, { email: input.email, name: input.name, role: input.role, password_hash: passwordHash });
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          summary: `${caller.name} created the ${user.role} account ${user.email}`,
        });
        return toUserView(user);
      });
    },

    /** Changes the account if it is still at a version the caller expected (412 otherwise). */
    async update(caller: Caller, request: { id: string; expected: ExpectedVersion }, changes: UserChanges): Promise<UserView> {
      const { id } = request;
      if (id === caller.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== caller.role))) {
        // Locking yourself out is never what an admin meant; another admin can do it.
        throw problems.conflict('You cannot disable your own account or change your own role; ask another admin.');
      }
      const revocations: AuthRevokedEvent[] = [];
      const updated = await db.transaction().execute(async (trx) => {
        // Serialize admin changes so two concurrent demotions cannot remove the last admin.
        await lockAdmins(trx);
        const { before, after } = await updateExpectedVersion({
          what: 'The user',
          expected: request.expected,
          read: () => findUserById(trx, id),
          write: async (current) => {
            const losesAdmin =
              current.role === 'admin' && current.disabled_at === null && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
            if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
              throw problems.conflict('This is the last active admin; make another admin first.');
            }
            return updateUserAtVersion(trx, id, current.version, {
              ...(changes.name === undefined ? {} : { name: changes.name }),
              ...(changes.role === undefined ? {} : { role: changes.role }),
              ...(changes.disabled === undefined ? {} : { disabled_at: changes.disabled ? (current.disabled_at ?? new Date()) : null }),
            });
          },
        });
        if (changes.disabled === true) await revokeAllSessionsOf(trx, id, 'account disabled');
        const what = [
          changes.name !== undefined && changes.name !== before.name ? `renamed to ${changes.name}` : null,
          changes.role !== undefined && changes.role !== before.role ? `role ${before.role} → ${changes.role}` : null,
          changes.disabled === true && !before.disabled_at ? 'disabled' : null,
          changes.disabled === false && before.disabled_at ? 're-enabled' : null,
        ].filter(Boolean);
        if (changes.disabled === true && !before.disabled_at) revocations.push({ type: 'user.disabled', userId: id });
        if (changes.role !== undefined && changes.role !== before.role) revocations.push({ type: 'user.role_changed', userId: id });
        if (what.length > 0) {
          await recordActivity(trx, {
            actorId: caller.id,
            action: 'user.updated',
            entityType: 'user',
            entityId: id,
            summary: `${caller.name} changed ${after.email}: ${what.join(', ')}`,
          });
        }
        return after;
      });
      // Verified tokens carry the name and role they were read with: this instance reads them again
      // (others forget on the revocation events below; a rename alone reaches them within AUTH_CACHE_MAX_AGE_SECONDS).
      deps.verifiedTokens.forgetUser(id);
      for (const event of revocations) await publishAuthRevoked(deps, event);
      return toUserView(updated);
    },
  };
}
