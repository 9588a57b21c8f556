import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute, PUBLIC } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, UuidSchema } from '../../http/schemas.js';
import {
  AddMemberSchema,
  ChatTicketSchema,
  ConversationPageSchema,
  ConversationSchema,
  CreateConversationSchema,
  MarkReadSchema,
  MessagePageSchema,
  MessageSchema,
  MessagesQuerySchema,
  PostMessageSchema,
  RedeemChatTicketSchema,
  RedeemedChatTicketSchema,
} from './chat.schemas.js';

const TAGS: ['Chat'] = ['Chat'];
const notFound = problem('No such conversation, or you are not a member of it (the two are not told apart).');
const unknownReference = problem('A member (an enabled user), the quote or the customer given was not found.');

/** Links that let a client (and Schemathesis' stateful phase) follow a conversation. */
const conversationLinks = {
  GetConversationById: { operationId: 'getConversation', parameters: { id: '$response.body#/id' } },
  ListMessagesOfConversation: { operationId: 'listMessages', parameters: { id: '$response.body#/id' } },
  PostMessageToConversation: { operationId: 'postMessage', parameters: { id: '$response.body#/id' } },
  // Members come from the conversation itself: its creator (always a member, so adding is a no-op that answers the
  // conversation) and its first listed member.
  AddCreatorAsMember: {
    operationId: 'addConversationMember',
    parameters: { id: '$response.body#/id' },
    requestBody: { userId: '$response.body#/createdBy' },
    'x-schemathesis': { merge_body: false },
  },
  RemoveFirstMember: { operationId: 'removeConversationMember', parameters: { id: '$response.body#/id', userId: '$response.body#/members/0/id' } },
};

const conversationResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ConversationSchema } },
  links: conversationLinks,
});

const messageResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: MessageSchema } },
  links: {
    MarkConversationReadUpTo: {
      operationId: 'markConversationRead',
      parameters: { id: '$response.body#/conversationId' },
      requestBody: { seq: '$response.body#/seq' },
    },
    ListMessagesAfter: { operationId: 'listMessages', parameters: { id: '$response.body#/conversationId' } },
  },
});

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

export const listMessages = defineRoute({
  method: 'get',
  path: '/api/conversations/{id}/messages',
  operationId: 'listMessages',
  summary: 'Messages of a conversation after a seq',
  description: 'Ascending by seq. To catch up after a disconnect, pass the last seq you have as `after`.',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema, query: MessagesQuerySchema },
  responses: {
    200: { description: 'A page of messages.', content: { 'application/json': { schema: MessagePageSchema } } },
    404: notFound,
  },
});

export const postMessage = defineRoute({
  method: 'post',
  path: '/api/conversations/{id}/messages',
  operationId: 'postMessage',
  summary: 'Post a message',
  description:
    'Stored as the next seq of the conversation and published to live clients. A message that mentions `@assistant` is answered by the product assistant. ' +
    'Resending the same `clientMessageId` returns the stored message (200) and stores nothing.',
  tags: TAGS,
  security: BEARER,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: PostMessageSchema } } },
  },
  responses: {
    201: messageResponse('Stored.'),
    200: messageResponse('Already stored: this `clientMessageId` was posted before; the original message.'),
    404: notFound,
  },
});

export const markConversationRead = defineRoute({
  method: 'put',
  path: '/api/conversations/{id}/read',
  operationId: 'markConversationRead',
  summary: 'Move your read marker',
  description: 'The marker only moves forward; a lower seq than your marker changes nothing.',
  tags: TAGS,
  security: BEARER,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: MarkReadSchema } } },
  },
  responses: {
    204: { description: 'Your marker is at `seq` (or was already past it).' },
    404: notFound,
    409: problem('The conversation has no message with that seq yet.'),
  },
});

export const issueChatTicket = defineRoute({
  method: 'post',
  path: '/api/chat/tickets',
  operationId: 'issueChatTicket',
  summary: 'Get a one-time ticket to open the chat WebSocket',
  description:
    'For browsers, which cannot send Authorization on a WebSocket upgrade: connect with `?ticket=`. Single use, valid for ' +
    'CHAT_TICKET_TTL_SECONDS (30 s by default), and only from the `Origin` this request came from.',
  tags: TAGS,
  security: BEARER,
  responses: {
    201: { description: 'A new ticket.', content: { 'application/json': { schema: ChatTicketSchema } } },
    403: problem('The request came from an Origin that may not open the chat (not in CORS_ORIGINS).'),
  },
});

export const redeemChatTicket = defineRoute({
  method: 'post',
  path: '/api/chat/tickets/redeem',
  operationId: 'redeemChatTicket',
  summary: 'Exchange a chat ticket for an access token (the chat gateway’s call)',
  description:
    'Public: the single-use ticket is the credential. Gives an access token of the session the ticket was issued in. ' +
    'A ticket is spent by its first redeem, whatever the outcome.',
  tags: TAGS,
  security: PUBLIC,
  request: { body: { required: true, content: { 'application/json': { schema: RedeemChatTicketSchema } } } },
  responses: {
    200: { description: 'The ticket’s user and a short-lived access token.', content: { 'application/json': { schema: RedeemedChatTicketSchema } } },
    401: problem('The ticket is unknown, expired or used, was issued for another origin, or its session has ended.'),
  },
});

export type CreateConversationRoute = typeof createConversation;
export type ListConversationsRoute = typeof listConversations;
export type GetConversationRoute = typeof getConversation;
export type AddConversationMemberRoute = typeof addConversationMember;
export type RemoveConversationMemberRoute = typeof removeConversationMember;
export type ListMessagesRoute = typeof listMessages;
export type PostMessageRoute = typeof postMessage;
export type MarkConversationReadRoute = typeof markConversationRead;
export type IssueChatTicketRoute = typeof issueChatTicket;
export type RedeemChatTicketRoute = typeof redeemChatTicket;
