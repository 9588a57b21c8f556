import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { chatHandlers } from './chat.handlers.js';
import * as routes from './chat.routes.js';

export function chatRouter(deps: AppDeps) {
  const handlers = chatHandlers(deps);
  return createRouter()
    .openapi(routes.createConversation, handlers.create)
    .openapi(routes.listConversations, handlers.list)
    .openapi(routes.getConversation, handlers.get)
    .openapi(routes.addConversationMember, handlers.addMember)
    .openapi(routes.removeConversationMember, handlers.removeMember)
    .openapi(routes.listMessages, handlers.messages)
    .openapi(routes.postMessage, handlers.post)
    .openapi(routes.markConversationRead, handlers.markRead)
    .openapi(routes.issueChatTicket, handlers.issueTicket)
    .openapi(routes.redeemChatTicket, handlers.redeemTicket);
}
