import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute, PUBLIC } from '../../http/define-route.js';
import { ChatTicketSchema, RedeemChatTicketSchema, RedeemedChatTicketSchema } from './chat.schemas.js';

// One-time tickets that let a browser open the chat WebSocket, and their redemption by the gateway.

const TAGS: ['Chat'] = ['Chat'];

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
  keepsPublicStatistics: true,
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
  keepsPublicStatistics: true,
  request: { body: { required: true, content: { 'application/json': { schema: RedeemChatTicketSchema } } } },
  responses: {
    200: { description: 'The ticket’s user and a short-lived access token.', content: { 'application/json': { schema: RedeemedChatTicketSchema } } },
    401: problem('The ticket is unknown, expired or used, was issued for another origin, or its session has ended.'),
  },
});

export type IssueChatTicketRoute = typeof issueChatTicket;
export type RedeemChatTicketRoute = typeof redeemChatTicket;
