import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { clientAddress } from '../../http/client-address.js';
import { currentUser } from '../../http/auth-guard.js';
import * as sessions from '../../auth/sessions.js';
import { findUserById } from '../../repositories/users.js';
import { problems } from '../../lib/problem.js';
import { toUser } from '../users/users.schemas.js';
import type { JwksRoute, LoginRoute, LogoutRoute, MeRoute, RefreshRoute } from './auth.routes.js';

const asBody = (pair: sessions.TokenPair) => ({ ...pair, user: toUser(pair.user) });

export function authHandlers(deps: AppDeps) {
  const login: AppRouteHandler<LoginRoute> = async (c) => {
    const { email, password } = c.req.valid('json');
    const pair = await sessions.login(deps, { email, password, address: clientAddress(c, deps.config.TRUSTED_PROXY_HOPS) });
    c.header('Cache-Control', 'no-store');
    return c.json(asBody(pair), 200);
  };

  const refresh: AppRouteHandler<RefreshRoute> = async (c) => {
    const pair = await sessions.refresh(deps, c.req.valid('json').refreshToken);
    c.header('Cache-Control', 'no-store');
    return c.json(asBody(pair), 200);
  };

  const logout: AppRouteHandler<LogoutRoute> = async (c) => {
    await sessions.logout(deps, currentUser(c));
    return c.body(null, 204);
  };

  const me: AppRouteHandler<MeRoute> = async (c) => {
    const user = await findUserById(deps.db, currentUser(c).id);
    if (!user) throw problems.unauthorized('The account no longer exists.');
    return c.json(toUser(user), 200);
  };

  const jwks: AppRouteHandler<JwksRoute> = (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys: [deps.signingKey.publicJwk as Record<string, unknown>] }, 200);
  };

  return { login, refresh, logout, me, jwks };
}
