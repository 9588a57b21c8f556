import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute, PUBLIC } from '../../http/define-route.js';
import { IdParamsSchema } from '../../http/schemas.js';
import { conversationNotFound as notFound, messageResponse } from './chat.links.js';
import {
  MarkReadSchema,
  MESSAGE_BATCH_MAX_ITEMS,
  MessageBatchResultsSchema,
  MessagePageSchema,
  MessagesQuerySchema,
  PostMessageBatchSchema,
  PostMessageSchema,
} from './chat.schemas.js';

// The messages of a conversation (ordered by a per-conversation `seq`) and each member's read marker.

const TAGS: ['Chat'] = ['Chat'];

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
  keepsPublicStatistics: true,
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

export const postMessageBatch = defineRoute({
  method: 'post',
  path: '/api/chat/message-batches',
  operationId: 'postMessageBatch',
  summary: 'Post several messages, each as its own author (the chat gateway’s call)',
  description:
    `Up to ${MESSAGE_BATCH_MAX_ITEMS} posts, each carrying its author's access token and answered as \`postMessage\` would answer it alone: ` +
    'the token is verified, the author must be a member, `clientMessageId` is the idempotency key. ' +
    "Posts to one conversation get consecutive seqs in the items' order. " +
    'Public: each item is its own credential, so an item with a bad token is refused (401 in its result) and the others are not. ' +
    'The chat gateway sends its users\' posts this way: one request for the posts that arrived while its earlier requests were being answered.',
  tags: TAGS,
  security: PUBLIC,
  keepsPublicStatistics: true,
  request: { body: { required: true, content: { 'application/json': { schema: PostMessageBatchSchema } } } },
  responses: {
    200: { description: 'Each item’s outcome.', content: { 'application/json': { schema: MessageBatchResultsSchema } } },
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
  keepsPublicStatistics: true,
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

export type ListMessagesRoute = typeof listMessages;
export type PostMessageRoute = typeof postMessage;
export type PostMessageBatchRoute = typeof postMessageBatch;
export type MarkConversationReadRoute = typeof markConversationRead;
