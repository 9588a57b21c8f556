import { z } from '@hono/zod-openapi';
import { BEARER, defineRoute, PUBLIC } from '../../http/define-route.js';
import { ProblemSchema } from '../../http/schemas.js';
import { problemResponse } from '../../http/responses.js';
import { UserSchema } from '../users/users.schemas.js';

const LoginSchema = z
  .object({
    email: z.string().trim().min(3).max(320).openapi({ example: 'ada@example.com' }),
    password: z.string().min(1).max(1024).openapi({ format: 'password' }),
  })
  .openapi('LoginRequest');

const RefreshSchema = z
  .object({ refreshToken: z.string().min(1).max(200).openapi({ description: 'From the last login or refresh; single use.' }) })
  .openapi('RefreshRequest');

export const TokenPairSchema = z
  .object({
    accessToken: z.string().openapi({ description: 'Send as `Authorization: Bearer <accessToken>`.' }),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the access token expires.' }),
    refreshToken: z.string().openapi({ description: 'Exchange at /api/auth/refresh for a new pair; each is single use.' }),
    refreshExpiresIn: z.number().int(),
    user: UserSchema,
  })
  .openapi('TokenPair');

const JwksSchema = z
  .object({ keys: z.array(z.record(z.string(), z.unknown())) })
  .openapi('JsonWebKeySet', { description: 'Public keys that verify access tokens (RFC 7517).' });

const invalidCredentials = problemResponse('Wrong email or password, or the account is disabled (one answer for all three).');

export const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  operationId: 'login',
  summary: 'Log in with email and password',
  description:
    'Rate-limited (429 with `Retry-After`): attempts per client address, and failures per account and client address, counted before the password is checked; repeated lockouts of the same account and address grow longer.',
  tags: ['Auth'],
  security: PUBLIC,
  request: { body: { required: true, content: { 'application/json': { schema: LoginSchema } } } },
  responses: {
    200: { description: 'A new session.', content: { 'application/json': { schema: TokenPairSchema } } },
    401: invalidCredentials,
    429: {
      description: 'Too many attempts from this address or for this account; retry after `Retry-After` seconds.',
      headers: { 'Retry-After': { description: 'Seconds to wait.', required: true, schema: { type: 'string' } } },
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export const refresh = defineRoute({
  method: 'post',
  path: '/api/auth/refresh',
  operationId: 'refreshToken',
  summary: 'Exchange a refresh token for a new token pair',
  description: 'Refresh tokens rotate. Presenting one that was already used revokes the whole session.',
  tags: ['Auth'],
  security: PUBLIC,
  request: { body: { required: true, content: { 'application/json': { schema: RefreshSchema } } } },
  responses: {
    200: { description: 'A new token pair.', content: { 'application/json': { schema: TokenPairSchema } } },
    401: problemResponse('Unknown, expired, reused or revoked refresh token.'),
  },
});

export const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  operationId: 'logout',
  summary: 'End the current session',
  description: 'Revokes the session of the access token used: its refresh tokens and access tokens stop working.',
  tags: ['Auth'],
  security: BEARER,
  responses: { 204: { description: 'Logged out.' } },
});

export const me = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  operationId: 'getCurrentUser',
  summary: 'The user the access token belongs to',
  tags: ['Auth'],
  security: BEARER,
  responses: { 200: { description: 'The current user.', content: { 'application/json': { schema: UserSchema } } } },
});

export const jwks = defineRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  summary: 'Public keys for verifying access tokens',
  tags: ['Auth'],
  security: PUBLIC,
  responses: { 200: { description: 'The key set.', content: { 'application/json': { schema: JwksSchema } } } },
});

export type LoginRoute = typeof login;
export type RefreshRoute = typeof refresh;
export type LogoutRoute = typeof logout;
export type MeRoute = typeof me;
export type JwksRoute = typeof jwks;
