import { describe, expect, it } from 'vitest';
import {
  QUOTE_STATUSES,
  allowedTransitions,
  canRevise,
  isDueToExpire,
  quoteEdges,
  transitionQuote,
  type QuoteStatus,
  type TransitionActor,
} from '../src/domain/quotes/lifecycle.js';
import { addDays, formatQuoteNumber, parseQuoteNumber, todayIn } from '../src/domain/quotes/index.js';

const TODAY = '2026-11-25';
const admin: TransitionActor = { kind: 'user', role: 'admin' };
const sales: TransitionActor = { kind: 'user', role: 'sales' };
const viewer: TransitionActor = { kind: 'user', role: 'viewer' };
const system: TransitionActor = { kind: 'system' };

/** The machine the issue specifies, written out edge by edge. */
const EXPECTED: Record<QuoteStatus, QuoteStatus[]> = {
  draft: ['sent', 'expired', 'cancelled'],
  sent: ['accepted', 'rejected', 'expired', 'cancelled'],
  accepted: ['cancelled'],
  rejected: ['cancelled'],
  expired: ['cancelled'],
  cancelled: [],
};
const WHO: Record<QuoteStatus, TransitionActor[]> = {
  draft: [],
  sent: [sales, admin],
  accepted: [sales, admin],
  rejected: [sales, admin],
  expired: [system],
  cancelled: [admin],
};

const facts = (status: QuoteStatus, validUntil = '2026-12-31', lineCount = 1) => ({ status, validUntil, lineCount });

describe('quote lifecycle', () => {
  it('has exactly the specified edges', () => {
    expect(quoteEdges().sort()).toEqual(
      Object.entries(EXPECTED)
        .flatMap(([from, tos]) => tos.map((to) => [from, to]))
        .sort(),
    );
  });

  for (const from of QUOTE_STATUSES) {
    for (const to of QUOTE_STATUSES) {
      const legal = EXPECTED[from].includes(to);
      it(`${from} → ${to}: ${legal ? 'legal' : 'illegal'} for exactly the right actors`, () => {
        // Past validity for expiry edges, so that only the edge itself decides.
        const quote = facts(from, to === 'expired' ? '2026-11-24' : '2026-12-31');
        for (const actor of [admin, sales, viewer, system]) {
          const verdict = transitionQuote(quote, to, actor, TODAY);
          if (!legal) {
            expect(verdict).toMatchObject({ ok: false, reason: 'illegal', from, to });
            expect(verdict.ok === false && verdict.allowed).toEqual(allowedTransitions(from, actor));
          } else if (WHO[to].includes(actor)) {
            expect(verdict).toEqual({ ok: true, from, to });
          } else {
            expect(verdict).toMatchObject({ ok: false, reason: 'forbidden', from, to });
          }
        }
      });
    }
  }

  it('names the allowed statuses per actor', () => {
    expect(allowedTransitions('draft', sales)).toEqual(['sent']);
    expect(allowedTransitions('draft', admin)).toEqual(['sent', 'cancelled']);
    expect(allowedTransitions('sent', sales)).toEqual(['accepted', 'rejected']);
    expect(allowedTransitions('sent', system)).toEqual(['expired']);
    expect(allowedTransitions('accepted', sales)).toEqual([]);
    expect(allowedTransitions('sent', viewer)).toEqual([]);
  });

  it('sends only quotes with lines, within their validity', () => {
    expect(transitionQuote(facts('draft', '2026-12-31', 0), 'sent', sales, TODAY)).toMatchObject({ ok: false, reason: 'guard' });
    expect(transitionQuote(facts('draft', '2026-11-24', 1), 'sent', sales, TODAY)).toMatchObject({ ok: false, reason: 'guard' });
    expect(transitionQuote(facts('draft', TODAY, 1), 'sent', sales, TODAY)).toMatchObject({ ok: true });
  });

  it('expires only after the validity date (valid through the day itself)', () => {
    expect(isDueToExpire({ status: 'sent', validUntil: TODAY }, TODAY)).toBe(false);
    expect(isDueToExpire({ status: 'sent', validUntil: '2026-11-24' }, TODAY)).toBe(true);
    expect(isDueToExpire({ status: 'accepted', validUntil: '2026-11-24' }, TODAY)).toBe(false);
    expect(transitionQuote(facts('draft', TODAY), 'expired', system, TODAY)).toMatchObject({ ok: false, reason: 'guard' });
  });

  it('revises only quotes that reached the customer and need another version', () => {
    expect(QUOTE_STATUSES.filter(canRevise)).toEqual(['sent', 'rejected', 'expired']);
  });
});

describe('numbers and dates', () => {
  it('formats Q-YYYY-NNNNNN and reads it back', () => {
    expect(formatQuoteNumber(2026, 123)).toBe('Q-2026-000123');
    expect(parseQuoteNumber('Q-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseQuoteNumber('Q-26-1')).toBeUndefined();
  });

  it("takes today's date in the business's time zone", () => {
    const instant = new Date('2026-11-25T17:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-25');
    expect(todayIn('Asia/Singapore', instant)).toBe('2026-11-26');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
