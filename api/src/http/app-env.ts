import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Role } from './schemas.js';

/** The authenticated caller of a protected operation. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

/** Resolves a compact JWS to the user it authenticates, or throws a 401 problem. */
export type TokenVerifier = (token: string) => Promise<AuthUser>;

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    user: AuthUser | undefined;
    /** The contract operation the request matched (set by defineRoute), for the logs and metrics. */
    operationId: string | undefined;
    /** Set by an operation declared `keepsPublicStatistics` (defineRoute): its writes leave the public statistics' cache. */
    keepsPublicStatistics: true | undefined;
    /** Verifies an access token and loads its user; set once per app by the app factory. */
    verifyAccessToken: TokenVerifier;
  };
}

export type AppOpenAPI = OpenAPIHono<AppEnv>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
