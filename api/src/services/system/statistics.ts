import type { AppDeps } from '../../deps.js';
import { activityByDay, countRecentActivity } from '../../repositories/activity.js';
import { countCustomers } from '../../repositories/customers.js';
import { outboxStatus } from '../../repositories/outbox.js';
import { countCatalogue } from '../../repositories/products.js';
import { quoteDashboard } from '../../repositories/quotes-dashboard.js';
import { countAccounts } from '../../repositories/users.js';
import { expireDueQuotesNow } from '../quotes/quote-expiry.js';
import { todayIn } from '../../domain/quotes/calendar.js';
import type { Cache } from '../../infra/cache/cache.js';
import type { RateLimiter } from '../../infra/rate-limits/rate-limiter.js';

/**
 * GET /api/dashboard and /api/metrics are public: anyone may call them, as
 * often as they like, and each computes a dozen aggregates. So:
 *
 * - their results are kept in the cache role (Redis: shared by the instances)
 *   for PUBLIC_STATS_CACHE_SECONDS (default 5 s), and dropped after every
 *   successful write through the API (app.ts), so that a change is seen by the
 *   next read. Writes made outside a request (the expiry sweep, catalogue
 *   imports, the graph sync) are seen within that time; a dashboard entry is
 *   never used on a later day than it was computed on (quote expiry and the
 *   activity days go by date). `generatedAt` says when the figures were made.
 * - each client address may call each of them PUBLIC_STATS_RATE_LIMIT times per
 *   PUBLIC_STATS_RATE_WINDOW_SECONDS; more answers 429 with Retry-After.
 */
const CACHE_KEYS = { dashboard: 'public-stats:dashboard', metrics: 'public-stats:metrics' } as const;

/** Per cache: bumped by every invalidation, so a computation that overlapped a write is not stored. */
const generations = new WeakMap<Cache, number>();
const generationOf = (cache: Cache) => generations.get(cache) ?? 0;

type StatsDeps = Pick<AppDeps, 'cache' | 'config' | 'logger'>;

/** Per cache: the computations under way, so that concurrent misses share one (no stampede of aggregates). */
const inFlight = new WeakMap<Cache, Map<string, Promise<unknown>>>();

async function cached<T>(deps: StatsDeps, key: string, day: string, compute: () => Promise<T>): Promise<T> {
  const seconds = deps.config.PUBLIC_STATS_CACHE_SECONDS;
  if (seconds <= 0) return compute();
  const hit = await deps.cache.get<{ day: string; value: T }>(key);
  if (hit && hit.day === day) return hit.value;
  let running = inFlight.get(deps.cache);
  if (!running) inFlight.set(deps.cache, (running = new Map()));
  const flightKey = `${key}/${day}/${generationOf(deps.cache)}`;
  const shared = running.get(flightKey) as Promise<T> | undefined;
  if (shared) return shared;
  const generation = generationOf(deps.cache);
  const computation = (async () => {
    try {
      const value = await compute();
      if (generation === generationOf(deps.cache)) await deps.cache.set(key, { day, value }, seconds);
      return value;
    } finally {
      running.delete(flightKey);
    }
  })();
  running.set(flightKey, computation);
  return computation;
}

/** Drops the cached public figures (after a write). Never fails the write that calls it: a failure is logged. */
export async function invalidatePublicStatistics(deps: StatsDeps): Promise<void> {
  generations.set(deps.cache, generationOf(deps.cache) + 1);
  if (deps.config.PUBLIC_STATS_CACHE_SECONDS <= 0) return;
  try {
    await Promise.all([deps.cache.delete(CACHE_KEYS.dashboard), deps.cache.delete(CACHE_KEYS.metrics)]);
  } catch (error) {
    deps.logger.error({ err: error }, `public statistics NOT invalidated after a write: they may be up to ${deps.config.PUBLIC_STATS_CACHE_SECONDS} s stale`);
  }
}

/** The budget of calls to one public statistics operation, per client address. */
export function publicStatisticsLimiter(deps: Pick<AppDeps, 'rateLimiters' | 'config'>, operation: 'dashboard' | 'metrics'): RateLimiter {
  return deps.rateLimiters.limiter({
    name: `public-stats-${operation}`,
    points: deps.config.PUBLIC_STATS_RATE_LIMIT,
    durationSeconds: deps.config.PUBLIC_STATS_RATE_WINDOW_SECONDS,
  });
}

const utcDay = () => new Date().toISOString().slice(0, 10);

/** {@link systemMetrics} through the short cache. */
export function cachedSystemMetrics(deps: Pick<AppDeps, 'db'> & StatsDeps) {
  return cached(deps, CACHE_KEYS.metrics, utcDay(), () => systemMetrics(deps));
}

/** {@link dashboardFigures} through the short cache (never across a day boundary: see above). */
export function cachedDashboardFigures(deps: Pick<AppDeps, 'db' | 'config' | 'pubsub' | 'logger' | 'cache'>) {
  return cached(deps, CACHE_KEYS.dashboard, `${todayIn(deps.config.QUOTE_TIME_ZONE)}/${utcDay()}`, () => dashboardFigures(deps));
}

/** Operational counts for monitoring (protected: they include staff accounts). */
export async function systemMetrics(deps: Pick<AppDeps, 'db'>) {
  const [users, customers, activityLast24Hours, catalogue, outbox] = await Promise.all([
    countAccounts(deps.db),
    countCustomers(deps.db),
    countRecentActivity(deps.db),
    countCatalogue(deps.db),
    outboxStatus(deps.db),
  ]);
  return {
    users,
    customers: {
      total: Number(customers.total),
      archived: Number(customers.archived),
      createdLast7Days: Number(customers.created_last_7_days),
    },
    activity: { last24Hours: activityLast24Hours },
    catalogue: {
      total: Number(catalogue.total),
      active: Number(catalogue.active),
      outOfStock: Number(catalogue.out_of_stock),
      brands: Number(catalogue.brands),
      categories: Number(catalogue.categories),
      graphSyncPending: outbox.pending,
    },
    generatedAt: new Date().toISOString(),
  };
}

/** The public dashboard: aggregates only, never names of customers or people. */
export async function dashboardFigures(deps: Pick<AppDeps, 'db' | 'config' | 'pubsub' | 'logger'>) {
  const [customers, days, catalogue, quotes] = await Promise.all([
    countCustomers(deps.db),
    activityByDay(deps.db),
    countCatalogue(deps.db),
    // Quotes past their validity date are expired first: a stale status is never shown.
    expireDueQuotesNow(deps).then(() => quoteDashboard(deps.db, { timeZone: deps.config.QUOTE_TIME_ZONE })),
  ]);
  return {
    customers: {
      active: Number(customers.total) - Number(customers.archived),
      createdLast7Days: Number(customers.created_last_7_days),
    },
    activityByDay: days,
    catalogue: {
      activeProducts: Number(catalogue.active),
      outOfStock: Number(catalogue.out_of_stock),
      brands: Number(catalogue.brands),
      categories: Number(catalogue.categories),
    },
    quotes,
    generatedAt: new Date().toISOString(),
  };
}
