import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { QUOTE_STATUSES, isOpen, type QuoteStatus } from '../domain/quotes/lifecycle.js';

/**
 * Quote aggregates for the public dashboard: numbers only, never a customer
 * or a person. A deal is counted once, by its latest revision (a revised
 * quote's earlier versions are history, not pipeline).
 */

const LATEST_REVISIONS = sql`(select distinct on (number) * from quotes order by number, revision desc)`;

export interface QuoteDashboard {
  pipeline: { status: QuoteStatus; count: number; totals: { currency: string; totalMinor: number }[] }[];
  open: number;
  perWeek: { weekStart: string; count: number }[];
  winRate: { accepted: number; rejected: number; expired: number; rate: number | null };
  topProducts: { productId: string; sku: string; name: string; quoteCount: number }[];
}

export async function quoteDashboard(db: Db, options: { timeZone: string; weeks?: number; topProducts?: number }): Promise<QuoteDashboard> {
  const weeks = options.weeks ?? 12;
  const [pipeline, perWeek, decided, top] = await Promise.all([
    sql<{ status: QuoteStatus; currency: string; count: number; total: number }>`
      select status, currency, count(*)::int as count, sum(total_minor)::bigint as total
      from ${LATEST_REVISIONS} as q
      group by status, currency
      order by status, currency`.execute(db),
    // New deals (first revisions) per week, Monday to Sunday in the business's time zone, oldest first.
    sql<{ week_start: string; count: number }>`
      with weeks as (
        select generate_series(
          date_trunc('week', now() at time zone ${options.timeZone}) - make_interval(weeks => ${weeks - 1}),
          date_trunc('week', now() at time zone ${options.timeZone}),
          interval '1 week'
        ) as week
      )
      select to_char(weeks.week, 'YYYY-MM-DD') as week_start, count(q.id)::int as count
      from weeks
      left join quotes q
        on q.revision = 1 and date_trunc('week', q.created_at at time zone ${options.timeZone}) = weeks.week
      group by weeks.week
      order by weeks.week`.execute(db),
    sql<{ accepted: number; rejected: number; expired: number }>`
      select count(*) filter (where status = 'accepted')::int as accepted,
             count(*) filter (where status = 'rejected')::int as rejected,
             count(*) filter (where status = 'expired')::int as expired
      from ${LATEST_REVISIONS} as q
      where sent_at is not null`.execute(db),
    // Products on the most deals that reached a customer (any sent revision).
    sql<{ product_id: string; sku: string; name: string; quote_count: number }>`
      select p.id as product_id, p.sku, p.name, count(distinct q.number)::int as quote_count
      from quote_lines l
      join quotes q on q.id = l.quote_id and q.sent_at is not null
      join products p on p.id = l.product_id
      group by p.id, p.sku, p.name
      order by quote_count desc, p.name, p.id
      limit ${options.topProducts ?? 5}`.execute(db),
  ]);

  const byStatus = new Map<QuoteStatus, QuoteDashboard['pipeline'][number]>(QUOTE_STATUSES.map((status) => [status, { status, count: 0, totals: [] }]));
  for (const row of pipeline.rows) {
    const entry = byStatus.get(row.status)!;
    entry.count += Number(row.count);
    entry.totals.push({ currency: row.currency, totalMinor: Number(row.total) });
  }
  const { accepted = 0, rejected = 0, expired = 0 } = decided.rows[0] ?? {};
  const decidedCount = Number(accepted) + Number(rejected) + Number(expired);
  return {
    pipeline: [...byStatus.values()],
    open: [...byStatus.values()].filter((entry) => isOpen(entry.status)).reduce((sum, entry) => sum + entry.count, 0),
    perWeek: perWeek.rows.map((row) => ({ weekStart: row.week_start, count: Number(row.count) })),
    winRate: {
      accepted: Number(accepted),
      rejected: Number(rejected),
      expired: Number(expired),
      rate: decidedCount === 0 ? null : Math.round((Number(accepted) / decidedCount) * 10_000) / 10_000,
    },
    topProducts: top.rows.map((row) => ({ productId: row.product_id, sku: row.sku, name: row.name, quoteCount: Number(row.quote_count) })),
  };
}
