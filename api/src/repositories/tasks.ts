import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { TaskRow } from '../db/schema.js';

/** Jobs people buy products for ("drill into concrete"); products are USED_FOR them. */
export function insertTask(db: Db, fields: { name: string; description: string | null }, createdBy: string | null): Promise<TaskRow> {
  return db.insertInto('tasks').values({ name: fields.name, description: fields.description, created_by: createdBy }).returningAll().executeTakeFirstOrThrow();
}

export function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTasks(db: Db, options: { limit: number; q?: string; after?: [string, string] }): Promise<TaskRow[]> {
  let query = db.selectFrom('tasks').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1);
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where('name', 'ilike', pattern);
  }
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

export function tasksAfter(db: Db, afterId: string | null, limit: number): Promise<TaskRow[]> {
  let query = db.selectFrom('tasks').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}
