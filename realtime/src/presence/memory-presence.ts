import { ttlMilliseconds } from '../ttl.js';
import type { Presence } from './presence.js';

/** Presence in this process: rooms map members to the time their entry expires. */
export function memoryPresence(): Presence {
  const rooms = new Map<string, Map<string, number>>();
  const live = (room: string, now: number) => {
    const members = rooms.get(room);
    if (!members) return undefined;
    for (const [member, expiresAt] of members) if (expiresAt <= now) members.delete(member);
    if (members.size === 0) rooms.delete(room);
    return members.size === 0 ? undefined : members;
  };
  return {
    async enter(room, member, ttlSeconds) {
      const now = Date.now();
      let members = live(room, now);
      if (!members) rooms.set(room, (members = new Map()));
      members.set(member, now + ttlMilliseconds(ttlSeconds));
    },
    async leave(room, member) {
      rooms.get(room)?.delete(member);
      live(room, Date.now());
    },
    async members(room) {
      return [...(live(room, Date.now())?.keys() ?? [])].sort();
    },
  };
}
