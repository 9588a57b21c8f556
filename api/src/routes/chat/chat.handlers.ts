import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import {
  addConversationMember,
  createConversation,
  getConversation,
  getConversationMembership,
  listMyConversations,
  removeConversationMember,
} from '../../services/chat/conversations.js';
import { listMessages, markConversationRead, postMessage, postMessageBatch } from '../../services/chat/messages.js';
import { issueChatTicket, redeemChatTicket } from '../../services/chat/tickets.js';
import type { ListMessagesRoute, MarkConversationReadRoute, PostMessageBatchRoute, PostMessageRoute } from './chat.messages.routes.js';
import type {
  AddConversationMemberRoute,
  CreateConversationRoute,
  GetConversationMembershipRoute,
  GetConversationRoute,
  ListConversationsRoute,
  RemoveConversationMemberRoute,
} from './chat.routes.js';
import type { IssueChatTicketRoute, RedeemChatTicketRoute } from './chat.tickets.routes.js';

export function chatHandlers(deps: AppDeps) {
  const create: AppRouteHandler<CreateConversationRoute> = async (c) => {
    const created = await createConversation(deps, currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/conversations/${created.value.id}` });
    return c.json(created.value, 201);
  };

  const list: AppRouteHandler<ListConversationsRoute> = async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await listMyConversations(deps, currentUser(c), { limit, cursor }), 200);
  };

  const get: AppRouteHandler<GetConversationRoute> = async (c) =>
    c.json(await getConversation(deps, currentUser(c), c.req.valid('param').id), 200);

  const membership: AppRouteHandler<GetConversationMembershipRoute> = async (c) =>
    c.json(await getConversationMembership(deps, currentUser(c), c.req.valid('param').id), 200);

  const addMember: AppRouteHandler<AddConversationMemberRoute> = async (c) =>
    c.json(await addConversationMember(deps, currentUser(c), c.req.valid('param').id, c.req.valid('json').userId), 200);

  const removeMember: AppRouteHandler<RemoveConversationMemberRoute> = async (c) => {
    const { id, userId } = c.req.valid('param');
    await removeConversationMember(deps, currentUser(c), id, userId);
    return c.body(null, 204);
  };

  const messages: AppRouteHandler<ListMessagesRoute> = async (c) =>
    c.json(await listMessages(deps, currentUser(c), c.req.valid('param').id, c.req.valid('query')), 200);

  const post: AppRouteHandler<PostMessageRoute> = async (c) => {
    const posted = await postMessage(deps, currentUser(c), c.req.valid('param').id, c.req.valid('json'));
    return posted.created ? c.json(posted.message, 201) : c.json(posted.message, 200);
  };

  const postBatch: AppRouteHandler<PostMessageBatchRoute> = async (c) => {
    const path = c.req.path;
    const results = await postMessageBatch(deps, c.get('verifyAccessToken'), c.req.valid('json').items, (index) => `${path}#/items/${index}`);
    return c.json({ results }, 200);
  };

  const markRead: AppRouteHandler<MarkConversationReadRoute> = async (c) => {
    await markConversationRead(deps, currentUser(c), c.req.valid('param').id, c.req.valid('json').seq);
    return c.body(null, 204);
  };

  const issueTicket: AppRouteHandler<IssueChatTicketRoute> = async (c) => {
    const ticket = await issueChatTicket(deps, currentUser(c), c.req.header('origin'));
    c.header('Cache-Control', 'no-store');
    return c.json(ticket, 201);
  };

  const redeemTicket: AppRouteHandler<RedeemChatTicketRoute> = async (c) => {
    const redeemed = await redeemChatTicket(deps, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(redeemed, 200);
  };

  return { create, list, get, membership, addMember, removeMember, messages, post, postBatch, markRead, issueTicket, redeemTicket };
}
