import type { AppDeps } from '../../deps.js';
import { issueAccessToken } from '../../auth/access-tokens.js';
import type { Role } from '../../domain/users/roles.js';
import type { SessionCaller } from '../caller.js';
import { ProblemError, problems } from '../../lib/problem.js';
import { findUserWithSession } from '../../repositories/users.js';

/**
 * One-time chat tickets. A browser cannot put headers on a WebSocket upgrade
 * and must not put its access token in a URL, so it asks for a ticket (with
 * its token) and opens the socket with `?ticket=`. The gateway redeems the
 * ticket once, from the Origin it saw, and receives an access token of the
 * same session to call the API as that user.
 */

export interface IssuedTicket {
  ticket: string;
  expiresAt: string;
}

/** A ticket may be redeemed only from the origin it was asked for from; a page elsewhere cannot use a leaked one. */
export async function issueChatTicket(
  deps: Pick<AppDeps, 'tickets' | 'config'>,
  caller: Pick<SessionCaller, 'id' | 'sessionId'>,
  origin: string | undefined,
): Promise<IssuedTicket> {
  if (origin !== undefined && !deps.config.CORS_ORIGINS.includes(origin)) {
    throw problems.forbidden(`The origin ${origin} may not open the chat; allowed origins are set in CORS_ORIGINS.`);
  }
  const ttl = deps.config.CHAT_TICKET_TTL_SECONDS;
  const ticket = await deps.tickets.issue({ userId: caller.id, sessionId: caller.sessionId, origin: origin ?? null }, ttl);
  return { ticket, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
}

export interface RedeemedTicket {
  accessToken: string;
  expiresAt: string;
  user: { id: string; email: string; displayName: string; role: Role };
}

const invalidTicket = (detail: string) => new ProblemError({ status: 401, slug: 'invalid-ticket', title: 'Invalid ticket', detail });

const UNUSABLE = 'The ticket is unknown, expired or already used, or the session behind it has ended.';

export async function redeemChatTicket(
  deps: Pick<AppDeps, 'tickets' | 'db' | 'signingKey' | 'config'>,
  input: { ticket: string; origin: string | null },
): Promise<RedeemedTicket> {
  // Redeeming consumes the ticket whatever follows: a ticket tried from the wrong origin is spent.
  const record = await deps.tickets.redeem(input.ticket);
  if (!record) throw invalidTicket(UNUSABLE);
  if (record.origin !== input.origin) throw invalidTicket('The ticket was issued for another origin.');
  const user = await findUserWithSession(deps.db, record.userId, record.sessionId);
  if (!user || user.disabled_at || !user.session_id || user.session_revoked_at) throw invalidTicket(UNUSABLE);
  const ttl = deps.config.ACCESS_TOKEN_TTL_SECONDS;
  const accessToken = await issueAccessToken(
    deps.signingKey,
    { userId: user.id, sessionId: record.sessionId, role: user.role },
    { issuer: deps.config.JWT_ISSUER, ttlSeconds: ttl },
  );
  return {
    accessToken,
    expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    user: { id: user.id, email: user.email, displayName: user.name, role: user.role },
  };
}
