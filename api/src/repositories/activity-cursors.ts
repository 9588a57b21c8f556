import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** How far each consumer of the activity log has read (a timestamp; consumers re-read an overlap behind it). */

export async function readActivityCursor(db: Db, consumer: string): Promise<Date | undefined> {
  const row = await db.selectFrom('activity_cursors').select('position').where('consumer', '=', consumer).executeTakeFirst();
  return row ? new Date(row.position) : undefined;
}

/** Moves the cursor forward only: a slower instance never moves it back. */
export async function advanceActivityCursor(db: Db, consumer: string, position: Date): Promise<void> {
  await db
    .insertInto('activity_cursors')
    .values({ consumer, position })
    .onConflict((oc) =>
      oc.column('consumer').doUpdateSet({
        position: sql`greatest(activity_cursors.position, excluded.position)`,
        updated_at: sql`date_trunc('milliseconds', now())`,
      }),
    )
    .execute();
}

/** The database's clock, so that cursors never depend on this machine's. */
export async function databaseNow(db: Db): Promise<Date> {
  const row = await sql<{ now: Date }>`select date_trunc('milliseconds', now()) as now`.execute(db);
  return new Date(row.rows[0]!.now);
}
