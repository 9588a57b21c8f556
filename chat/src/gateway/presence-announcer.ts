import type { Logger } from 'pino';
import type { ConversationHub } from './conversation-hub.js';

/** The shortest spell between two presence events of one conversation from one instance… */
const BASE_WINDOW_MS = 100;
/** …growing with the number present, since each event carries the whole list to every member. */
const WINDOW_MS_PER_PRESENT = 2.5;
const MAX_WINDOW_MS = 5_000;

/**
 * Tells a conversation who is present after a join or leave, at most once
 * per window per gateway instance: a burst of joins (a reconnect storm, a
 * room of thousands opening) makes a few events with the latest list instead
 * of one per join. Each `presence` event lists everyone present and goes to
 * every member, so one per join would cost members × present per join — the
 * square of the room's size for the room filling up. The first change after
 * a quiet spell is told at once; the window is 100 ms plus 2.5 ms per member
 * present (a room of 10: 125 ms; of 2,000: 5 s).
 */
export function createPresenceAnnouncer(hub: ConversationHub, present: (conversationId: string) => Promise<string[]>, logger: Logger) {
  const rooms = new Map<string, { lastAt: number; windowMs: number; timer?: NodeJS.Timeout }>();

  async function tell(conversationId: string): Promise<void> {
    const room = rooms.get(conversationId);
    if (!room) return;
    room.timer = undefined;
    room.lastAt = Date.now();
    try {
      const list = await present(conversationId);
      room.windowMs = Math.min(MAX_WINDOW_MS, BASE_WINDOW_MS + WINDOW_MS_PER_PRESENT * list.length);
      await hub.publish(conversationId, { type: 'presence', conversationId, present: list });
    } catch (error) {
      logger.warn({ err: error, conversationId }, 'chat: presence update failed');
    }
  }

  return {
    /** Presence in `conversationId` changed on this instance: tell the room now, or with the next event of its window. */
    changed(conversationId: string): void {
      const at = Date.now();
      let room = rooms.get(conversationId);
      if (room?.timer) return;
      if (!room || at - room.lastAt >= room.windowMs) {
        if (rooms.size > 10_000) forgetQuiet(at);
        room = { lastAt: at, windowMs: BASE_WINDOW_MS };
        rooms.set(conversationId, room);
        void tell(conversationId);
        return;
      }
      room.timer = setTimeout(() => void tell(conversationId), room.lastAt + room.windowMs - at);
      room.timer.unref();
    },
    /** Stops pending events (shutdown). */
    close(): void {
      for (const room of rooms.values()) clearTimeout(room.timer);
      rooms.clear();
    },
  };

  function forgetQuiet(at: number) {
    for (const [id, room] of rooms) if (!room.timer && at - room.lastAt >= room.windowMs) rooms.delete(id);
  }
}

export type PresenceAnnouncer = ReturnType<typeof createPresenceAnnouncer>;
