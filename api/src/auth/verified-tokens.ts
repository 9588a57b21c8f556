import { hash } from 'node:crypto';
import type { AuthRevokedEvent } from '@nexus/sdk/chat';
import type { AuthUser } from '../http/app-env.js';

/**
 * Access tokens already verified by this process, with the user they
 * authenticate: a bounded LRU keyed by the SHA-256 of the token (the token
 * itself is never held), each entry kept at most until the token expires and
 * at most `maxAgeSeconds` (so a renamed user is seen under a minute later).
 *
 * Revocation is effective on the very next request: the process that revokes
 * (logout, refresh-token reuse, a disabled account, a role change) forgets the
 * entries before it answers, and every other process forgets them when the
 * `auth.revoked` event reaches it (runtime.ts subscribes). A verification that
 * was in flight while something was forgotten is not stored (the generation
 * check), so a lookup that read the session just before its revocation cannot
 * put it back.
 */
export interface VerifiedTokens {
  /** The cached user of this exact token, when still fresh. */
  get(token: string): AuthUser | undefined;
  /** Changes whenever anything is forgotten; pass the value read before verifying to `set`. */
  readonly generation: number;
  /** Remembers a verification; ignored when `generation` moved on since, or the cache is off. */
  set(token: string, user: AuthUser, tokenExpiresAtMs: number, generation: number): void;
  /** Forgets what a revocation concerns (a session, or every session of a user). */
  forget(event: AuthRevokedEvent): void;
  forgetUser(userId: string): void;
  readonly size: number;
}

interface Entry {
  user: AuthUser;
  expiresAt: number;
}

// One-shot `hash`: no Hash object per request (the lookup runs on every authenticated call).
const digest = (token: string) => hash('sha256', token, 'base64url');

export function verifiedTokens(options: { maxEntries: number; maxAgeSeconds: number; now?: () => number }): VerifiedTokens {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let generation = 0;
  const forgetWhere = (matches: (user: AuthUser) => boolean) => {
    generation += 1;
    for (const [key, entry] of entries) if (matches(entry.user)) entries.delete(key);
  };
  return {
    get(token) {
      if (options.maxEntries === 0) return undefined;
      const key = digest(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      entries.set(key, entry);
      return entry.user;
    },
    get generation() {
      return generation;
    },
    set(token, user, tokenExpiresAtMs, seenGeneration) {
      if (options.maxEntries === 0 || seenGeneration !== generation) return;
      const expiresAt = Math.min(tokenExpiresAtMs, now() + options.maxAgeSeconds * 1000);
      if (expiresAt <= now()) return;
      const key = digest(token);
      entries.delete(key);
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { user, expiresAt });
    },
    forget(event) {
      if (event.type === 'session.revoked') forgetWhere((user) => user.sessionId === event.sessionId);
      else forgetWhere((user) => user.id === event.userId);
    },
    forgetUser(userId) {
      forgetWhere((user) => user.id === userId);
    },
    get size() {
      return entries.size;
    },
  };
}
