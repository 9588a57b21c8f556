import { problemResponse as problem } from '../../http/responses.js';
import { ConversationSchema, MessageSchema } from './chat.schemas.js';

/** One answer for both, so that a non-member cannot tell a conversation exists. */
export const conversationNotFound = problem('No such conversation, or you are not a member of it (the two are not told apart).');

/** Links that let a client (and Schemathesis' stateful phase) follow a conversation. */
const conversationLinks = {
  GetConversationById: { operationId: 'getConversation', parameters: { id: '$response.body#/id' } },
  GetMembershipOfConversation: { operationId: 'getConversationMembership', parameters: { id: '$response.body#/id' } },
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

export const conversationResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ConversationSchema } },
  links: conversationLinks,
});

export const messageResponse = (description: string) => ({
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
