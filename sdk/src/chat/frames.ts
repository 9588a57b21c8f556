import { z } from 'zod';
import { chatMessageSchema } from './events.js';

/**
 * The chat WebSocket protocol `nexus.chat.v1`: JSON text frames, one object
 * each, told apart by `type`. The gateway validates every client frame with
 * these schemas, the SDK's chat client every server frame, and
 * `openapi/asyncapi.json` is generated from them.
 */

export const CHAT_SUBPROTOCOL = 'nexus.chat.v1';

// Any 8-4-4-4-12 hex id, as the API's contract accepts (format: uuid), not only RFC 9562 versions.
const id = z.guid();
const conversationId = id.describe('The conversation (GET /api/conversations/{id}).');
const seq = z.number().int().min(0).max(2_147_483_647);

// ── client → server ─────────────────────────────────────────────────────────

export const joinFrameSchema = z
  .object({
    type: z.literal('join'),
    conversationId,
    since: seq.optional().describe('The newest seq the client already has: every later message is replayed before live ones. Omit to receive only new messages.'),
  })
  .describe('Start receiving a conversation (members only).');

export const leaveFrameSchema = z.object({ type: z.literal('leave'), conversationId }).describe('Stop receiving a conversation.');

export const sendFrameSchema = z
  .object({
    type: z.literal('send'),
    conversationId,
    clientMessageId: id.describe('Made once per message and reused for every resend: a resend is acknowledged with the original id and seq.'),
    text: z.string().min(1).max(4000),
  })
  .describe('Post a message. Acknowledged (`ack`) only once it is stored.');

export const typingFrameSchema = z.object({ type: z.literal('typing'), conversationId }).describe('The user is typing now (send again every few seconds while they are).');

export const readFrameSchema = z
  .object({ type: z.literal('read'), conversationId, seq: seq.describe('The newest seq the user has seen.') })
  .describe('Move the read marker forward (it never moves back).');

export const pingFrameSchema = z
  .object({ type: z.literal('ping'), ref: z.string().max(100).optional() })
  .describe('Application-level liveness check for clients that cannot see WebSocket pings (browsers); answered with `pong`.');

export const clientFrameSchema = z.discriminatedUnion('type', [
  joinFrameSchema,
  leaveFrameSchema,
  sendFrameSchema,
  typingFrameSchema,
  readFrameSchema,
  pingFrameSchema,
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

// ── server → client ─────────────────────────────────────────────────────────

export const joinedFrameSchema = z
  .object({
    type: z.literal('joined'),
    conversationId,
    lastSeq: seq.describe('The newest seq when the join completed; messages up to it were replayed when `since` was given.'),
    present: z.array(id).describe('Users present in the conversation now.'),
  })
  .describe('The join is complete: replayed messages (if any) came before this frame, live ones follow.');

export const leftFrameSchema = z
  .object({ type: z.literal('left'), conversationId, reason: z.enum(['requested', 'removed']) })
  .describe('No more events of this conversation: the client left, or was removed from its members.');

export const messageFrameSchema = z
  .object({ type: z.literal('message'), message: chatMessageSchema })
  .describe('A stored message, in seq order per conversation, each exactly once per join.');

export const ackFrameSchema = z
  .object({ type: z.literal('ack'), conversationId, clientMessageId: id, id, seq: seq.min(1) })
  .describe('The message with this clientMessageId is stored (in PostgreSQL) as `id` at `seq`.');

export const typingNoticeFrameSchema = z.object({ type: z.literal('typing'), conversationId, userId: id }).describe('Another member is typing.');

export const presenceFrameSchema = z
  .object({ type: z.literal('presence'), conversationId, present: z.array(id) })
  .describe('Who is in the conversation now (the full list).');

export const readNoticeFrameSchema = z
  .object({ type: z.literal('read'), conversationId, userId: id, seq })
  .describe("A member's read marker moved forward.");

export const pongFrameSchema = z.object({ type: z.literal('pong'), ref: z.string().optional() }).describe('The answer to `ping`.');

export const CHAT_ERROR_CODES = [
  'invalid_frame',
  'rate_limited',
  'not_found',
  'forbidden',
  'not_joined',
  'rejected',
  'unavailable',
] as const;

export const errorFrameSchema = z
  .object({
    type: z.literal('error'),
    code: z.enum(CHAT_ERROR_CODES).describe(
      '`invalid_frame`: not JSON or not a valid frame; `rate_limited`: too many frames, this one was dropped; `not_found`: no such conversation among yours; ' +
        '`forbidden`: your role may not do this; `not_joined`: join the conversation first; `rejected`: the API refused it (see message); `unavailable`: the API is down, try again.',
    ),
    message: z.string(),
    ref: z.string().optional().describe('What the error is about: the clientMessageId of a send, the conversationId of a join, …'),
  })
  .describe('A frame could not be handled. The connection stays open.');

export const serverFrameSchema = z.discriminatedUnion('type', [
  joinedFrameSchema,
  leftFrameSchema,
  messageFrameSchema,
  ackFrameSchema,
  typingNoticeFrameSchema,
  presenceFrameSchema,
  readNoticeFrameSchema,
  pongFrameSchema,
  errorFrameSchema,
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
export type ChatErrorCode = (typeof CHAT_ERROR_CODES)[number];

/**
 * WebSocket close codes the gateway uses besides the standard ones (1001 going
 * away on shutdown, 1008 policy, 1009 frame too large, 1011 internal error).
 */
export const CHAT_CLOSE_CODES = {
  /** The token behind the connection expired, or its session or user was revoked: reconnect with fresh credentials. */
  unauthorized: 4401,
  /** The client did not read fast enough: its send buffer passed the limit. Reconnect and rejoin with `since`. */
  slowConsumer: 4408,
  /** Too many frames over the rate limit in a row. */
  flooding: 4429,
} as const;
