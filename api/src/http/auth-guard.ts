import type { MiddlewareHandler } from 'hono';
import { problems } from '../lib/problem.js';
import type { AppEnv, AuthUser } from './app-env.js';
import type { Role } from './schemas.js';

/** `Bearer <compact JWS>`; anything else (other schemes, `Bearer null`, extra parts) is malformed. */
const BEARER_JWS = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The only enforcement of `security: [{ bearerAuth: [] }]`. It is attached by
 * `defineRoute` to exactly the operations that declare it, so public
 * operations never see it and never read `Authorization`.
 */
export function authGuard(roles?: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      throw problems.unauthorized('A bearer access token is required.');
    }
    const match = BEARER_JWS.exec(header.trim());
    if (!match?.[1]) {
      throw problems.unauthorized('The Authorization header must be `Bearer <access token>`.');
    }
    // c.get, not c.var: Hono's `var` copies every variable into a new object on each access.
    const user = await c.get('verifyAccessToken')(match[1]);
    if (roles && !roles.includes(user.role)) {
      throw problems.forbidden(`This operation requires the role ${roles.join(' or ')}; you are ${user.role}.`);
    }
    c.set('user', user);
    c.get('logger').debug({ userId: user.id }, 'authenticated');
    await next();
  };
}

/** The caller of a protected operation (the guard guarantees it is set). */
export function currentUser(c: { get(key: 'user'): AuthUser | undefined }) {
  const user = c.get('user');
  if (!user) throw problems.unauthorized('A bearer access token is required.');
  return user;
}
