import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export interface ActivityEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  details?: Record<string, unknown>;
}

/** Appends to the activity log; call inside the transaction of the change it records. */
export async function recordActivity(db: Db, entry: ActivityEntry): Promise<void> {
  await db
    .insertInto('activity')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      summary: entry.summary,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
    })
    .execute();
}

export function listActivity(
  db: Db,
  options: {
    limit: number;
    after?: [string, string];
    entityType?: string;
    entityId?: string;
    actorId?: string;
    /** Entries about these entity types are left out. */
    excludeEntityTypes?: readonly string[];
  },
) {
  let query = db
    .selectFrom('activity')
    .leftJoin('users', 'users.id', 'activity.actor_id')
    .select([
      'activity.id',
      'activity.action',
      'activity.entity_type',
      'activity.entity_id',
      'activity.summary',
      'activity.details',
      'activity.created_at',
      'activity.actor_id',
      'users.name as actor_name',
    ])
    .orderBy('activity.created_at', 'desc')
    .orderBy('activity.id', 'desc')
    .limit(options.limit + 1);
  if (options.excludeEntityTypes?.length) query = query.where('activity.entity_type', 'not in', [...options.excludeEntityTypes]);
  if (options.entityType) query = query.where('activity.entity_type', '=', options.entityType);
  if (options.entityId) query = query.where('activity.entity_id', '=', options.entityId);
  if (options.actorId) query = query.where('activity.actor_id', '=', options.actorId);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(activity.created_at, activity.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

/** Entries of the last 24 hours. */
export async function countRecentActivity(db: Db): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`created_at >= now() - interval '24 hours'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Entries per UTC day of the last 14 days, oldest first, days without any included (0). */
export async function activityByDay(db: Db): Promise<{ date: string; count: number }[]> {
  const result = await sql<{ date: string; count: number }>`
    select to_char(day, 'YYYY-MM-DD') as date, count(activity.id)::int as count
    from generate_series(
      (now() at time zone 'UTC')::date - 13, (now() at time zone 'UTC')::date, interval '1 day'
    ) as day
    left join activity on (activity.created_at at time zone 'UTC')::date = day::date
      -- The range lets the planner read only the last 14 days through activity_created_idx, not every entry ever.
      and activity.created_at >= (((now() at time zone 'UTC')::date - 13)::timestamp at time zone 'UTC')
    group by day order by day`.execute(db);
  return result.rows.map((row) => ({ date: row.date, count: Number(row.count) }));
}
