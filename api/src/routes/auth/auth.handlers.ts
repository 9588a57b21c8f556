import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { clientAddress } from '../../http/client-address.js';
import { currentUser } from '../../http/auth-guard.js';
import * as sessions from '../../auth/sessions.js';
import { toUserView, usersService } from '../../services/users/index.js';
import type { JwksRoute, LoginRoute, LogoutRoute, MeRoute, RefreshRoute } from './auth.routes.js';

const asBody = (pair: sessions.TokenPair) => ({ ...pair, user: toUserView(pair.user) });

export function authHandlers(deps: AppDeps) {
  const users = usersService(deps);

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
    return c.json(await users.me(currentUser(c)), 200);
  };

  const jwks: AppRouteHandler<JwksRoute> = (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ keys: [deps.signingKey.publicJwk as Record<string, unknown>] }, 200);
  };

  return { login, refresh, logout, me, jwks };
}
