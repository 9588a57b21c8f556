import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, UuidSchema } from '../../http/schemas.js';
import { conversationNotFound as notFound, conversationResponse } from './chat.links.js';
import { AddMemberSchema, ConversationMembershipSchema, ConversationPageSchema, CreateConversationSchema } from './chat.schemas.js';

// Conversations and their members; messages are in chat.messages.routes.ts, WebSocket tickets in chat.tickets.routes.ts.

const TAGS: ['Chat'] = ['Chat'];
const unknownReference = problem('A member (an enabled user), the quote or the customer given was not found.');

export const createConversation = defineRoute({
  method: 'post',
  path: '/api/conversations',
  operationId: 'createConversation',
  summary: 'Start a conversation',
  description: 'You are always a member. Link a quote to have its changes posted in the conversation.',
  tags: TAGS,
  security: BEARER,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateConversationSchema } } },
  },
  responses: {
    201: conversationResponse('Created (or, for a retried Idempotency-Key, the conversation created the first time).'),
    404: unknownReference,
    409: problem('The Idempotency-Key was used for a different request.'),
  },
});

export const listConversations = defineRoute({
  method: 'get',
  path: '/api/conversations',
  operationId: 'listConversations',
  summary: 'List your conversations with unread counts',
  description: 'Only conversations you are a member of, most recently active first.',
  tags: TAGS,
  security: BEARER,
  request: { query: PaginationQuerySchema },
  responses: {
    200: { description: 'A page of your conversations.', content: { 'application/json': { schema: ConversationPageSchema } } },
  },
});

export const getConversation = defineRoute({
  method: 'get',
  path: '/api/conversations/{id}',
  operationId: 'getConversation',
  summary: 'Get a conversation',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: conversationResponse('The conversation and its members.'), 404: notFound },
});

export const getConversationMembership = defineRoute({
  method: 'get',
  path: '/api/conversations/{id}/membership',
  operationId: 'getConversationMembership',
  summary: 'Your membership of a conversation',
  description:
    'Whether you may read and post (404 otherwise), the newest seq and your read marker, without the member list: ' +
    'its cost does not grow with the conversation (the chat gateway asks it on every join).',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'You are a member.', content: { 'application/json': { schema: ConversationMembershipSchema } } },
    404: notFound,
  },
});

export const addConversationMember = defineRoute({
  method: 'post',
  path: '/api/conversations/{id}/members',
  operationId: 'addConversationMember',
  summary: 'Add a member to a conversation',
  description: 'Any member may add an enabled user. Adding a member twice changes nothing.',
  tags: TAGS,
  security: BEARER,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: AddMemberSchema } } },
  },
  responses: {
    200: conversationResponse('The conversation with its members now.'),
    404: problem('No such conversation for you, or no enabled user with that id (the detail says which).'),
  },
});

export const removeConversationMember = defineRoute({
  method: 'delete',
  path: '/api/conversations/{id}/members/{userId}',
  operationId: 'removeConversationMember',
  summary: 'Remove a member from a conversation (or leave it)',
  tags: TAGS,
  security: BEARER,
  request: {
    params: IdParamsSchema.extend({ userId: UuidSchema.openapi({ param: { name: 'userId', in: 'path' } }) }),
  },
  responses: { 204: { description: 'Removed.' }, 404: problem('No such conversation for you, or that user is not a member of it.') },
});

export type CreateConversationRoute = typeof createConversation;
export type ListConversationsRoute = typeof listConversations;
export type GetConversationRoute = typeof getConversation;
export type GetConversationMembershipRoute = typeof getConversationMembership;
export type AddConversationMemberRoute = typeof addConversationMember;
export type RemoveConversationMemberRoute = typeof removeConversationMember;
