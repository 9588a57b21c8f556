import type { AppDeps } from '../../deps.js';
import { publishAuthRevoked, type AuthRevokedEvent } from '../../services/chat/chat-events.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { hashPassword } from '../../auth/passwords.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
import { revokeAllSessionsOf } from '../../repositories/sessions.js';
import { countActiveAdmins, findUserByEmail, findUserById, insertUser, listUsers, updateUser } from '../../repositories/users.js';
import { toUser } from './users.schemas.js';
import type { CreateRoute, GetRoute, ListRoute, UpdateRoute } from './users.routes.js';

export function usersHandlers(deps: AppDeps) {
  const list: AppRouteHandler<ListRoute> = async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listUsers(deps.db, { limit, ...(after ? { after } : {}) });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map(toUser), nextCursor: page.nextCursor }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const passwordHash = await hashPassword(input.password, deps.config.BCRYPT_COST);
    const result = await createOnce(
      deps.db,
      {
        userId: actor.id,
        key: c.req.valid('header')['idempotency-key'],
        operation: 'createUser',
        payload: { ...input, password: undefined },
      },
      async (trx) => {
        if (await findUserByEmail(trx, input.email)) throw problems.conflict('A user with this email already exists.');
        const user = await insertUser(trx, { email: input.email, name: input.name, role: input.role, password_hash: passwordHash });
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          summary: `${actor.name} created the ${user.role} account ${user.email}`,
        });
        return toUser(user);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/users/${result.value.id}` });
    return c.json(result.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const user = await findUserById(deps.db, c.req.valid('param').id);
    if (!user) throw problems.notFound('The user');
    return c.json(toUser(user), 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    if (id === actor.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== actor.role))) {
      // Locking yourself out is never what an admin meant; another admin can do it.
      throw problems.conflict('You cannot disable your own account or change your own role; ask another admin.');
    }
    const revocations: AuthRevokedEvent[] = [];
    const updated = await deps.db.transaction().execute(async (trx) => {
      // Serialize admin changes so two concurrent demotions cannot remove the last admin.
      await trx.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
      const before = await findUserById(trx, id);
      if (!before) throw problems.notFound('The user');
      const losesAdmin =
        before.role === 'admin' && before.disabled_at === null && ((changes.role && changes.role !== 'admin') || changes.disabled === true);
      if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
        throw problems.conflict('This is the last active admin; make another admin first.');
      }
      const after = await updateUser(trx, id, {
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.role === undefined ? {} : { role: changes.role }),
        ...(changes.disabled === undefined ? {} : { disabled_at: changes.disabled ? (before.disabled_at ?? new Date()) : null }),
      });
      if (!after) throw problems.notFound('The user');
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
          actorId: actor.id,
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          summary: `${actor.name} changed ${after.email}: ${what.join(', ')}`,
        });
      }
      return after;
    });
    for (const event of revocations) await publishAuthRevoked(deps, event);
    return c.json(toUser(updated), 200);
  };

  return { list, create, get, update };
}
