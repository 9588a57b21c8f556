/**
 * Who is in a room right now (chat presence). Ephemeral: a member stays
 * present while it renews its entry (heartbeat) and drops out `ttlSeconds`
 * after its last one, so a crashed instance leaves no ghosts.
 */
export interface Presence {
  /** Marks `member` present in `room` for `ttlSeconds` (fractions allowed); renews when already there. */
  enter(room: string, member: string, ttlSeconds: number): Promise<void>;
  leave(room: string, member: string): Promise<void>;
  /** The members present now, sorted. */
  members(room: string): Promise<string[]>;
}
