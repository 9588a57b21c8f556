import type { AppDeps } from '../../deps.js';
import { activityByDay, countRecentActivity } from '../../repositories/activity.js';
import { countCustomers } from '../../repositories/customers.js';
import { outboxStatus } from '../../repositories/outbox.js';
import { countCatalogue } from '../../repositories/products.js';
import { quoteDashboard } from '../../repositories/quotes-dashboard.js';
import { countAccounts } from '../../repositories/users.js';
import { expireDueQuotesNow } from '../quotes/quote-expiry.js';

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
