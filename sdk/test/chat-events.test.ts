import { describe, expect, it } from 'vitest';
import {
  AUTH_REVOKED_CHANNEL,
  authRevokedEventSchema,
  conversationChannel,
  conversationEventSchema,
  type ChatMessage,
} from '../src/chat/index.js';

const conversationId = '6c1f1c0e-7d0a-4c55-9a55-0d1c7f2b8e11';
const message: ChatMessage = {
  id: '0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e',
  conversationId,
  seq: 1,
  kind: 'user',
  author: { id: '9d3c1a8e-2f44-4b1b-8a4f-5e6d7c8b9a01', displayName: 'Ada' },
  text: 'Hello',
  clientMessageId: 'f1e2d3c4-b5a6-4978-8a1b-2c3d4e5f6a7b',
  references: [],
  createdAt: '2026-12-02T13:00:00.000Z',
};

describe('chat pub/sub events', () => {
  it('names one channel per conversation and one for revoked credentials', () => {
    expect(conversationChannel(conversationId)).toBe(`chat.conversation.${conversationId}`);
    expect(AUTH_REVOKED_CHANNEL).toBe('auth.revoked');
  });

  it('accepts a stored message, a read marker and a member change', () => {
    expect(conversationEventSchema.parse({ type: 'message.created', message })).toEqual({ type: 'message.created', message });
    expect(conversationEventSchema.parse({ type: 'read', conversationId, userId: message.author!.id, seq: 3 }).type).toBe('read');
    expect(conversationEventSchema.parse({ type: 'members.changed', conversationId, memberIds: [] }).type).toBe('members.changed');
  });

  it('accepts system messages without author or client id', () => {
    const system = { ...message, kind: 'system', author: null, clientMessageId: null };
    expect(conversationEventSchema.safeParse({ type: 'message.created', message: system }).success).toBe(true);
  });

  it('refuses a message whose seq is not a positive integer, and unknown event types', () => {
    expect(conversationEventSchema.safeParse({ type: 'message.created', message: { ...message, seq: 0 } }).success).toBe(false);
    expect(conversationEventSchema.safeParse({ type: 'message.deleted', message }).success).toBe(false);
  });

  it('knows the three ways credentials are revoked', () => {
    const userId = message.author!.id;
    expect(authRevokedEventSchema.parse({ type: 'session.revoked', sessionId: conversationId })).toEqual({ type: 'session.revoked', sessionId: conversationId });
    expect(authRevokedEventSchema.parse({ type: 'user.disabled', userId }).type).toBe('user.disabled');
    expect(authRevokedEventSchema.parse({ type: 'user.role_changed', userId }).type).toBe('user.role_changed');
    expect(authRevokedEventSchema.safeParse({ type: 'user.disabled' }).success).toBe(false);
  });
});
