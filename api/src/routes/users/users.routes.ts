import { z } from '@hono/zod-openapi';
import { problemResponse } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { EmailSchema, nonBlankText, IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, RoleSchema, pageOf } from '../../http/schemas.js';
import { UserSchema } from './users.schemas.js';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH, passwordBytes } from '../../auth/passwords.js';

const conflict = problemResponse;
const notFound = problemResponse('No such user.');

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
    201: {
      description: 'Created.',
      content: { 'application/json': { schema: UserSchema } },
      links: {
        GetUserById: { operationId: 'getUser', parameters: { id: '$response.body#/id' } },
        UpdateUserById: { operationId: 'updateUser', parameters: { id: '$response.body#/id' } },
      },
    },
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
  responses: { 200: { description: 'The user.', content: { 'application/json': { schema: UserSchema } } }, 404: notFound },
});

export const update = defineRoute({
  method: 'patch',
  path: '/api/users/{id}',
  operationId: 'updateUser',
  summary: 'Rename, change the role of, disable or re-enable a staff account',
  tags: ['Users'],
  security: BEARER,
  roles: ['admin'],
  request: { params: IdParamsSchema, body: { required: true, content: { 'application/json': { schema: UpdateUserSchema } } } },
  responses: {
    200: { description: 'The updated user.', content: { 'application/json': { schema: UserSchema } } },
    404: notFound,
    409: conflict('The change would leave no active admin, or disables or re-roles your own account.'),
  },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateRoute = typeof update;
