import {
  ackFrameSchema,
  CHAT_CLOSE_CODES,
  CHAT_SUBPROTOCOL,
  errorFrameSchema,
  joinedFrameSchema,
  joinFrameSchema,
  leaveFrameSchema,
  leftFrameSchema,
  messageFrameSchema,
  pingFrameSchema,
  pongFrameSchema,
  presenceFrameSchema,
  readFrameSchema,
  readNoticeFrameSchema,
  sendFrameSchema,
  typingFrameSchema,
  typingNoticeFrameSchema,
} from '@nexus/sdk/chat';
import { z } from 'zod';

/** Version of the chat protocol document; the subprotocol name carries the major version. */
export const CHAT_PROTOCOL_VERSION = '1.0.0';

interface Frame {
  /** Message key and frame `type`. */
  name: string;
  schema: z.ZodType;
  summary: string;
}

/** Client → gateway. */
const CLIENT_FRAMES: Frame[] = [
  { name: 'join', schema: joinFrameSchema, summary: 'Join a conversation, optionally replaying from a seq.' },
  { name: 'leave', schema: leaveFrameSchema, summary: 'Leave a conversation.' },
  { name: 'send', schema: sendFrameSchema, summary: 'Post a message (acknowledged once stored).' },
  { name: 'typing', schema: typingFrameSchema, summary: 'The user is typing.' },
  { name: 'read', schema: readFrameSchema, summary: 'Move the read marker.' },
  { name: 'ping', schema: pingFrameSchema, summary: 'Application-level liveness check.' },
];

/** Gateway → client. */
const SERVER_FRAMES: Frame[] = [
  { name: 'joined', schema: joinedFrameSchema, summary: 'The join is complete.' },
  { name: 'left', schema: leftFrameSchema, summary: 'No more events of a conversation.' },
  { name: 'message', schema: messageFrameSchema, summary: 'A stored message.' },
  { name: 'ack', schema: ackFrameSchema, summary: 'A sent message is stored.' },
  { name: 'typingNotice', schema: typingNoticeFrameSchema, summary: 'Another member is typing.' },
  { name: 'presence', schema: presenceFrameSchema, summary: 'Who is present.' },
  { name: 'readNotice', schema: readNoticeFrameSchema, summary: "A member's read marker moved." },
  { name: 'pong', schema: pongFrameSchema, summary: 'The answer to ping.' },
  { name: 'error', schema: errorFrameSchema, summary: 'A frame could not be handled; the connection stays open.' },
];

const capitalised = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

/** JSON Schema (draft 7, which AsyncAPI 3's default schema format extends) of a frame. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'throw' }) as Record<string, unknown>;
  return json;
}

/**
 * The chat protocol as an AsyncAPI 3.0 document, generated from the zod
 * schemas that validate the frames (so the document cannot drift from what
 * the gateway accepts). Written to openapi/asyncapi.json by `pnpm generate`.
 */
export function chatAsyncApiDocument(): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const channelMessages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const add = (frame: Frame, direction: 'client' | 'server') => {
    const schemaName = `${capitalised(frame.name)}Frame`;
    schemas[schemaName] = jsonSchemaOf(frame.schema, direction === 'client' ? 'input' : 'output');
    messages[frame.name] = {
      name: frame.name,
      title: schemaName,
      summary: frame.summary,
      ...(frame.schema.description ? { description: frame.schema.description } : {}),
      contentType: 'application/json',
      payload: { $ref: `#/components/schemas/${schemaName}` },
    };
    channelMessages[frame.name] = { $ref: `#/components/messages/${frame.name}` };
    // Operations are the gateway's: it receives what clients send and sends what they receive.
    operations[`${direction === 'client' ? 'receive' : 'send'}${capitalised(frame.name)}`] = {
      action: direction === 'client' ? 'receive' : 'send',
      channel: { $ref: '#/channels/chat' },
      summary: frame.summary,
      messages: [{ $ref: `#/channels/chat/messages/${frame.name}` }],
    };
  };
  for (const frame of CLIENT_FRAMES) add(frame, 'client');
  for (const frame of SERVER_FRAMES) add(frame, 'server');

  const closeCodes = [
    '1001: the gateway is shutting down; reconnect (to any instance).',
    '1008: policy violation.',
    '1009: a frame exceeded the size limit.',
    `${CHAT_CLOSE_CODES.unauthorized}: the token behind the connection expired, or its session or user was revoked; reconnect with fresh credentials.`,
    `${CHAT_CLOSE_CODES.slowConsumer}: the client did not read fast enough (its send buffer passed the limit); reconnect and join with since.`,
    `${CHAT_CLOSE_CODES.flooding}: too many frames over the rate limit in a row.`,
  ];

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Nexus chat',
      version: CHAT_PROTOCOL_VERSION,
      description: [
        `The real-time chat of Nexus over WebSocket (subprotocol \`${CHAT_SUBPROTOCOL}\`, answered when offered, never required).`,
        'Every frame is a JSON text object told apart by `type`; an invalid frame gets an `error` frame, not a dropped connection.',
        'Browsers connect with `?ticket=` (one-time, from `POST /api/chat/tickets`), other clients with `Authorization: Bearer <access token>`.',
        'Refusals happen at the upgrade with a real status and an RFC 9457 problem+json body: 401 (credentials), 403 (an Origin outside the allowlist), 429 (too many connections), 503 (the API is unreachable).',
        'A message is acknowledged only once PostgreSQL has it; joining with `since` replays every later message before live ones, without gap or duplicate.',
        `Close codes: ${closeCodes.join(' ')}`,
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:8001',
        protocol: 'ws',
        pathname: '/ws',
        description: 'The gateway on this machine (CHAT_PORT).',
        security: [{ $ref: '#/components/securitySchemes/ticket' }, { $ref: '#/components/securitySchemes/bearer' }],
      },
    },
    channels: {
      chat: {
        address: '/ws',
        title: 'Chat connection',
        description: 'One connection carries every conversation the client joined.',
        messages: channelMessages,
      },
    },
    operations,
    components: {
      schemas,
      messages,
      securitySchemes: {
        ticket: { type: 'httpApiKey', name: 'ticket', in: 'query', description: 'One-time ticket from POST /api/chat/tickets (browsers).' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the API (non-browser clients).' },
      },
    },
  };
}
