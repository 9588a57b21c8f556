import { z } from '@hono/zod-openapi';
import { etagHeader, problemResponse } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import {
  EmailSchema,
  nonBlankText,
  IdempotencyKeyHeaderSchema,
  IdParamsSchema,
  IfMatchHeaderSchema,
  PaginationQuerySchema,
  RoleSchema,
  pageOf,
} from '../../http/schemas.js';
import { UserSchema } from './users.schemas.js';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH, passwordBytes } from '../../auth/passwords.js';

const conflict = problemResponse;
const notFound = problemResponse('No such user.');
const ETAG = etagHeader('The version, for `If-Match` on the next update.');

/** Links that let a client (and Schemathesis' stateful phase) follow an account through its life. */
const userLinks = {
  GetUserById: { operationId: 'getUser', parameters: { id: '$response.body#/id' } },
  UpdateUserById: { operationId: 'updateUser', parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' } },
};
const userResponse = (description: string) => ({
  description,
  headers: ETAG,
  content: { 'application/json': { schema: UserSchema } },
  links: userLinks,
});

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    name: nonBlankText(200),
    role: RoleSchema,
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH)
      .max(MAX_PASSWORD_BYTES)
      .refine((password) => passwordBytes(password) <= MAX_PASSWORD_BYTES, {
        message: `Must be at most ${MAX_PASSWORD_BYTES} bytes in UTF-8 (bcrypt ignores anything after them).`,
      })
      .openapi({
        format: 'password',
        description: `At least ${MIN_PASSWORD_LENGTH} characters and at most ${MAX_PASSWORD_BYTES} bytes in UTF-8 (bcrypt reads no further; \`maxLength\` bounds the characters, the server counts the bytes); the user can change it later.`,
        'x-max-utf8-bytes': MAX_PASSWORD_BYTES,
      }),
  })
  .openapi('CreateUserRequest');

export const UpdateUserSchema = z
  .object({
    name: nonBlankText(200).optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional().openapi({ description: 'Disabling ends every session of the user at once.' }),
  })
  .openapi('UpdateUserRequest');

export const list = defineRoute({
  method: 'get',
  path: '/api/users',
  operationId: 'listUsers',
  summary: 'List staff accounts',
  tags: ['Users'],
  security: BEARER,
  roles: ['admin'],
  request: { query: PaginationQuerySchema },
  responses: { 200: { description: 'A page of users, oldest first.', content: { 'application/json': { schema: pageOf(UserSchema, 'UserPage') } } } },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/users',
  operationId: 'createUser',
  summary: 'Create a staff account',
  tags: ['Users'],
  security: BEARER,
  roles: ['admin'],
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateUserSchema } } },
  },
  responses: {
    201: userResponse('Created (or, for a retried Idempotency-Key with the same body, the account created the first time).'),
    409: conflict('A user with this email exists, or the Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/users/{id}',
  operationId: 'getUser',
  summary: 'Get a staff account',
  tags: ['Users'],
  security: BEARER,
  roles: ['admin'],
  request: { params: IdParamsSchema },
  responses: { 200: userResponse('The user.'), 404: notFound },
});

export const update = defineRoute({
  method: 'patch',
  path: '/api/users/{id}',
  operationId: 'updateUser',
  summary: 'Rename, change the role of, disable or re-enable a staff account (optimistic concurrency with If-Match)',
  tags: ['Users'],
  security: BEARER,
  roles: ['admin'],
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateUserSchema } } },
  },
  responses: {
    200: userResponse('The updated user.'),
    404: notFound,
    412: problemResponse('The account changed since the `If-Match` version (another admin saved first); reload and retry.'),
    428: problemResponse('If-Match is required.'),
    409: conflict('The change would leave no active admin, or disables or re-roles your own account.'),
  },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateRoute = typeof update;
