import { mentionsAssistant } from '../../domain/assistant/intent.js';
import { lockConversation } from '../../repositories/conversations.js';
import { findAnswerTo } from '../../repositories/messages.js';
import type { Caller } from '../caller.js';
import { answerAssistantRequest, type AssistantDeps } from './assistant.js';
import { publishMessages } from './chat-events.js';
import { appendMessage } from './messages.js';
import { toMessageView, type MessageView } from './message-view.js';

/**
 * Posts the assistant's answer to a stored question in its conversation, at
 * most once per question (a unique index on the answer's `in_reply_to`), and
 * publishes it. Returns the answer, or the earlier one when already answered.
 */
export async function replyAsAssistant(deps: AssistantDeps, asker: Caller, question: MessageView): Promise<MessageView> {
  const answer = await answerAssistantRequest(deps, asker, question);
  const stored = await deps.db.transaction().execute(async (trx) => {
    await lockConversation(trx, question.conversationId);
    const earlier = await findAnswerTo(trx, question.id);
    if (earlier) return { row: earlier, created: false };
    const row = await appendMessage(trx, {
      conversationId: question.conversationId,
      kind: 'assistant',
      authorId: null,
      text: answer.text,
      clientMessageId: null,
      references: answer.references,
      inReplyTo: question.id,
    });
    return { row, created: true };
  });
  const message = toMessageView(stored.row);
  if (stored.created) await publishMessages(deps, [message]);
  return message;
}

/**
 * Answers after the question is committed, without holding up its post. A
 * failure is logged loudly with the question's id (the question itself is
 * stored; asking again gets an answer).
 */
export function answerInBackground(deps: AssistantDeps, asker: Caller, question: MessageView): void {
  if (!mentionsAssistant(question.text)) return;
  replyAsAssistant(deps, asker, question).catch((error: unknown) => {
    deps.logger.error(
      { err: error, conversationId: question.conversationId, messageId: question.id },
      'ASSISTANT DID NOT ANSWER: the question is stored, but no answer was posted',
    );
  });
}
