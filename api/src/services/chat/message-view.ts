import type { MessageKind, MessageReference } from '../../db/schema.js';
import type { ConversationRow } from '../../db/schema.js';
import type { ConversationMember, ConversationMembershipRow, ConversationSummaryRow } from '../../repositories/conversations.js';
import type { MessageRecord } from '../../repositories/messages.js';

/**
 * Messages and conversations as the API and the pub/sub events show them
 * (the same shape in both, so a live event and a fetched page render alike).
 */

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  kind: MessageKind;
  author: { id: string; displayName: string } | null;
  text: string;
  clientMessageId: string | null;
  references: MessageReference[];
  createdAt: string;
}

export interface ConversationView {
  id: string;
  title: string;
  quoteId: string | null;
  customerId: string | null;
  lastSeq: number;
  members: { id: string; displayName: string; readSeq: number }[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

export interface ConversationMembershipView {
  conversationId: string;
  lastSeq: number;
  readSeq: number;
  joinedAt: string;
}

export interface ConversationSummaryView {
  id: string;
  title: string;
  quoteId: string | null;
  customerId: string | null;
  lastSeq: number;
  readSeq: number;
  unreadCount: number;
  createdAt: string;
  lastActivityAt: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toMessageView(row: MessageRecord): MessageView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    kind: row.kind,
    author: row.author_id && row.author_name !== null ? { id: row.author_id, displayName: row.author_name } : null,
    text: row.text,
    clientMessageId: row.client_message_id,
    references: row.refs,
    createdAt: iso(row.created_at),
  };
}

export function toConversationView(row: ConversationRow, members: ConversationMember[]): ConversationView {
  return {
    id: row.id,
    title: row.title,
    quoteId: row.quote_id,
    customerId: row.customer_id,
    lastSeq: row.last_seq,
    members: members.map((member) => ({ id: member.user_id, displayName: member.name, readSeq: member.read_seq })),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastActivityAt: iso(row.last_activity_at),
  };
}

export function toConversationSummaryView(row: ConversationSummaryRow): ConversationSummaryView {
  return {
    id: row.id,
    title: row.title,
    quoteId: row.quote_id,
    customerId: row.customer_id,
    lastSeq: row.last_seq,
    readSeq: row.read_seq,
    unreadCount: row.unread_count,
    createdAt: iso(row.created_at),
    lastActivityAt: iso(row.last_activity_at),
  };
}

export function toConversationMembershipView(row: ConversationMembershipRow): ConversationMembershipView {
  return { conversationId: row.conversation_id, lastSeq: row.last_seq, readSeq: row.read_seq, joinedAt: iso(row.joined_at) };
}
