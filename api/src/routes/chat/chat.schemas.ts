import { z } from '@hono/zod-openapi';
import { nonBlankText, pageOf, ProblemSchema, RoleSchema, TimestampSchema, UuidSchema } from '../../http/schemas.js';

/** Largest seq a conversation can reach (PostgreSQL integer). */
const MAX_SEQ = 2_147_483_647;

const SeqSchema = z.number().int().min(1).max(MAX_SEQ).openapi({ description: 'Position in the conversation: 1, 2, 3, … without gaps.', example: 42 });

export const MessageReferenceSchema = z
  .object({
    type: z.enum(['product', 'quote']),
    id: UuidSchema,
    label: z.string().openapi({ example: 'Q-2026-000123' }),
  })
  .openapi('MessageReference', { description: 'Something a message mentions, for the client to link to.' });

export const MessageSchema = z
  .object({
    id: UuidSchema,
    conversationId: UuidSchema,
    seq: SeqSchema,
    kind: z.enum(['user', 'system', 'assistant']).openapi({
      description: '`user`: written by a member; `system`: a change the platform reports (e.g. to a linked quote); `assistant`: the product assistant’s answer.',
    }),
    author: z
      .object({ id: UuidSchema, displayName: z.string() })
      .nullable()
      .openapi({ description: 'The member who wrote it; null for system and assistant messages.' }),
    text: z.string(),
    clientMessageId: UuidSchema.nullable().openapi({ description: 'The idempotency key the author sent; null for system and assistant messages.' }),
    references: z.array(MessageReferenceSchema),
    createdAt: TimestampSchema,
  })
  .openapi('Message');

export const ConversationMemberSchema = z
  .object({
    id: UuidSchema,
    displayName: z.string(),
    readSeq: z.number().int().min(0).openapi({ description: 'The last seq this member marked read (0: none).' }),
  })
  .openapi('ConversationMember');

export const ConversationSchema = z
  .object({
    id: UuidSchema,
    title: z.string(),
    quoteId: UuidSchema.nullable().openapi({ description: 'The quote this conversation is about; its changes appear here as system messages.' }),
    customerId: UuidSchema.nullable(),
    lastSeq: z.number().int().min(0).openapi({ description: 'The seq of the newest message (0: no messages yet).' }),
    members: z.array(ConversationMemberSchema),
    createdBy: UuidSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    lastActivityAt: TimestampSchema,
  })
  .openapi('Conversation');

export const ConversationSummarySchema = z
  .object({
    id: UuidSchema,
    title: z.string(),
    quoteId: UuidSchema.nullable(),
    customerId: UuidSchema.nullable(),
    lastSeq: z.number().int().min(0),
    readSeq: z.number().int().min(0).openapi({ description: 'Your read marker.' }),
    unreadCount: z.number().int().min(0).openapi({ description: 'Messages of others after your read marker.' }),
    createdAt: TimestampSchema,
    lastActivityAt: TimestampSchema,
  })
  .openapi('ConversationSummary');

export const ConversationMembershipSchema = z
  .object({
    conversationId: UuidSchema,
    lastSeq: z.number().int().min(0).openapi({ description: 'The seq of the newest message (0: no messages yet).' }),
    readSeq: z.number().int().min(0).openapi({ description: 'Your read marker.' }),
    joinedAt: TimestampSchema,
  })
  .openapi('ConversationMembership');

export const ConversationPageSchema = pageOf(ConversationSummarySchema, 'ConversationPage');

export const CreateConversationSchema = z
  .object({
    title: nonBlankText(200).openapi({ example: 'Hotel Marina fit-out' }),
    memberIds: z
      .array(UuidSchema)
      .max(100)
      .openapi({ description: 'Other members (enabled users); you are always a member.' }),
    quoteId: UuidSchema.optional().openapi({ description: 'Link to a quote: its changes are posted here as system messages.' }),
    customerId: UuidSchema.optional(),
  })
  .openapi('CreateConversationRequest');

export const AddMemberSchema = z.object({ userId: UuidSchema }).openapi('AddConversationMemberRequest');

/** A message's text, in a post of its own or in a batch. */
const MessageTextSchema = nonBlankText(4000);

export const PostMessageSchema = z
  .object({
    text: MessageTextSchema.openapi({ example: '@assistant price of SKU DRL-18V?' }),
    clientMessageId: UuidSchema.openapi({
      description: 'Your id for this message, made once and reused for every resend: a resend returns the stored message instead of a second one.',
    }),
  })
  .openapi('PostMessageRequest');

/** Most posts in one `postMessageBatch` call. */
export const MESSAGE_BATCH_MAX_ITEMS = 100;

export const MessageBatchItemSchema = z
  .object({
    accessToken: z.string().min(1).max(4096).openapi({
      description: "The author's access token. The item is authorised exactly as `postMessage` called with `Authorization: Bearer <accessToken>`.",
    }),
    conversationId: UuidSchema,
    text: MessageTextSchema,
    clientMessageId: PostMessageSchema.shape.clientMessageId,
  })
  .openapi('MessageBatchItem');

export const PostMessageBatchSchema = z
  .object({ items: z.array(MessageBatchItemSchema).min(1).max(MESSAGE_BATCH_MAX_ITEMS) })
  .openapi('PostMessageBatchRequest');

export const MessageBatchResultSchema = z
  .union([
    z
      .object({
        status: z.literal([201, 200]).openapi({ description: '201: stored now; 200: this `clientMessageId` was stored before (the original message).' }),
        message: MessageSchema,
      })
      .openapi('MessageBatchStored'),
    z
      .object({
        status: z.number().int().min(400).max(599).openapi({ description: 'What `postMessage` would have answered: 401, 404, …' }),
        problem: ProblemSchema,
      })
      .openapi('MessageBatchRefused'),
  ])
  .openapi('MessageBatchResult');

export const MessageBatchResultsSchema = z
  .object({ results: z.array(MessageBatchResultSchema).openapi({ description: "One per item, in the items' order." }) })
  .openapi('MessageBatchResults');

export const MessagePageSchema = z
  .object({
    items: z.array(MessageSchema),
    nextAfter: z.number().int().min(1).nullable().openapi({ description: 'Pass as `after` for the next page; null when there is no more yet.' }),
  })
  .openapi('MessagePage');

export const MessagesQuerySchema = z.object({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_SEQ)
    .default(0)
    .openapi({ param: { name: 'after', in: 'query' }, description: 'Only messages with a greater seq (0: from the start).', example: 0 }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'Page size (1–200).', example: 50 }),
});

export const MarkReadSchema = z
  .object({ seq: z.number().int().min(0).max(MAX_SEQ).openapi({ description: 'The newest seq you have seen.', example: 42 }) })
  .openapi('MarkConversationReadRequest');

export const ChatTicketSchema = z
  .object({
    ticket: z.string().openapi({ description: 'Open the chat WebSocket with `?ticket=<ticket>`; single use.' }),
    expiresAt: TimestampSchema,
  })
  .openapi('ChatTicket');

export const RedeemChatTicketSchema = z
  .object({
    ticket: z.string().min(1).max(200),
    origin: z
      .string()
      .max(2000)
      .nullable()
      .openapi({ description: 'The `Origin` of the WebSocket upgrade the ticket came with; null when it had none.', example: 'http://localhost:3010' }),
  })
  .openapi('RedeemChatTicketRequest');

export const RedeemedChatTicketSchema = z
  .object({
    accessToken: z.string().openapi({ description: "An access token of the ticket's session, for that user's calls." }),
    expiresAt: TimestampSchema,
    user: z.object({ id: UuidSchema, email: z.string(), displayName: z.string(), role: RoleSchema }),
  })
  .openapi('RedeemedChatTicket');
