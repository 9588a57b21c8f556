/**
 * The quote lifecycle as an explicit state machine. Pure: callers load the
 * quote, ask here, and persist the answer.
 *
 *   draft → sent → accepted | rejected
 *   draft | sent → expired      (the system, once the validity date has passed)
 *   any (but cancelled) → cancelled   (an admin)
 *
 * Only drafts can be edited; a quote that left draft is changed by revising
 * it, which makes a new draft linked to it.
 */

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** Who asks for a transition: a signed-in person with a role, or the expiry sweep. */
export type TransitionActor = { kind: 'user'; role: 'admin' | 'sales' | 'viewer' } | { kind: 'system' };

interface Edge {
  to: QuoteStatus;
  /** Who may take it. */
  by: 'staff' | 'admin' | 'system';
}

const EDGES: Record<QuoteStatus, readonly Edge[]> = {
  draft: [
    { to: 'sent', by: 'staff' },
    { to: 'expired', by: 'system' },
    { to: 'cancelled', by: 'admin' },
  ],
  sent: [
    { to: 'accepted', by: 'staff' },
    { to: 'rejected', by: 'staff' },
    { to: 'expired', by: 'system' },
    { to: 'cancelled', by: 'admin' },
  ],
  accepted: [{ to: 'cancelled', by: 'admin' }],
  rejected: [{ to: 'cancelled', by: 'admin' }],
  expired: [{ to: 'cancelled', by: 'admin' }],
  cancelled: [],
};

/** Statuses a revision can be made from: the quote reached the customer and needs another version. */
const REVISABLE: ReadonlySet<QuoteStatus> = new Set(['sent', 'rejected', 'expired']);

const mayTake = (edge: Edge, actor: TransitionActor) =>
  actor.kind === 'system'
    ? edge.by === 'system'
    : (edge.by === 'staff' && (actor.role === 'admin' || actor.role === 'sales')) || (edge.by === 'admin' && actor.role === 'admin');

/** Every edge of the machine, whoever may take it: `[from, to]`. */
export function quoteEdges(): [QuoteStatus, QuoteStatus][] {
  return QUOTE_STATUSES.flatMap((from) => EDGES[from].map((edge): [QuoteStatus, QuoteStatus] => [from, edge.to]));
}

/** Where a quote in `status` can go, for this actor (all edges when no actor is given). */
export function allowedTransitions(status: QuoteStatus, actor?: TransitionActor): QuoteStatus[] {
  return EDGES[status].filter((edge) => !actor || mayTake(edge, actor)).map((edge) => edge.to);
}

/** Draft and sent quotes are still heading for a decision: the pipeline's open deals, and the ones that expire. */
export const isOpen = (status: QuoteStatus) => status === 'draft' || status === 'sent';
export const isEditable = (status: QuoteStatus) => status === 'draft';
export const canRevise = (status: QuoteStatus) => REVISABLE.has(status);
export const revisableStatuses = () => [...REVISABLE];

/** A quote is due to expire once its validity date is before today (it is valid through that day). Dates are `YYYY-MM-DD`. */
export function isDueToExpire(quote: { status: QuoteStatus; validUntil: string }, today: string): boolean {
  return isOpen(quote.status) && quote.validUntil < today;
}

export interface QuoteFacts {
  status: QuoteStatus;
  validUntil: string;
  lineCount: number;
}

export type TransitionVerdict =
  | { ok: true; from: QuoteStatus; to: QuoteStatus }
  /** Not an edge from the current state (→ 409 naming the state and the allowed ones). */
  | { ok: false; reason: 'illegal'; from: QuoteStatus; to: QuoteStatus; allowed: QuoteStatus[] }
  /** An edge, but not one this actor may take (→ 403). */
  | { ok: false; reason: 'forbidden'; from: QuoteStatus; to: QuoteStatus; allowed: QuoteStatus[] }
  /** An edge this actor may take, but a guard refuses it now (→ 409 with `detail`). */
  | { ok: false; reason: 'guard'; from: QuoteStatus; to: QuoteStatus; allowed: QuoteStatus[]; detail: string };

/** Decides whether `quote` may go to `to` now. `today` is `YYYY-MM-DD` in the business's time zone. */
export function transitionQuote(quote: QuoteFacts, to: QuoteStatus, actor: TransitionActor, today: string): TransitionVerdict {
  const from = quote.status;
  const allowed = allowedTransitions(from, actor);
  const edge = EDGES[from].find((e) => e.to === to);
  if (!edge) return { ok: false, reason: 'illegal', from, to, allowed };
  if (!mayTake(edge, actor)) return { ok: false, reason: 'forbidden', from, to, allowed };
  if (to === 'sent' && quote.lineCount === 0) {
    return { ok: false, reason: 'guard', from, to, allowed, detail: 'A quote needs at least one line before it is sent.' };
  }
  if (to === 'sent' && quote.validUntil < today) {
    return { ok: false, reason: 'guard', from, to, allowed, detail: `The quote was valid until ${quote.validUntil}; it cannot be sent after that.` };
  }
  if (to === 'expired' && !isDueToExpire(quote, today)) {
    return { ok: false, reason: 'guard', from, to, allowed, detail: `The quote is valid until ${quote.validUntil}.` };
  }
  return { ok: true, from, to };
}

/** "accepted, rejected or cancelled" */
export function listInWords(statuses: readonly string[]): string {
  if (statuses.length === 0) return 'nothing';
  if (statuses.length === 1) return statuses[0]!;
  return `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}
