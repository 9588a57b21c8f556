import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { chatHandlers } from './chat.handlers.js';
import * as messageRoutes from './chat.messages.routes.js';
import * as routes from './chat.routes.js';
import * as ticketRoutes from './chat.tickets.routes.js';

export function chatRouter(deps: AppDeps) {
  const handlers = chatHandlers(deps);
  return createRouter()
    .openapi(routes.createConversation, handlers.create)
    .openapi(routes.listConversations, handlers.list)
    .openapi(routes.getConversation, handlers.get)
    .openapi(routes.getConversationMembership, handlers.membership)
    .openapi(routes.addConversationMember, handlers.addMember)
    .openapi(routes.removeConversationMember, handlers.removeMember)
    .openapi(messageRoutes.listMessages, handlers.messages)
    .openapi(messageRoutes.postMessage, handlers.post)
    .openapi(messageRoutes.postMessageBatch, handlers.postBatch)
    .openapi(messageRoutes.markConversationRead, handlers.markRead)
    .openapi(ticketRoutes.issueChatTicket, handlers.issueTicket)
    .openapi(ticketRoutes.redeemChatTicket, handlers.redeemTicket);
}
