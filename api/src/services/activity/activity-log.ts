import type { AppDeps } from '../../deps.js';
import { hiddenEntityTypesFor } from '../../domain/activity/visibility.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { listActivity } from '../../repositories/activity.js';
import type { Caller } from '../caller.js';

export interface ActivityQuery {
  limit: number;
  cursor?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
}

export interface ActivityItem {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

/** The activity log as the caller may read it: newest first, without what their role may not see. */
export async function activityFor(deps: Pick<AppDeps, 'db'>, caller: Caller, query: ActivityQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await listActivity(deps.db, {
    limit: query.limit,
    excludeEntityTypes: hiddenEntityTypesFor(caller.role),
    ...(after ? { after } : {}),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
  });
  const page = paginate(rows, query.limit);
  const items: ActivityItem[] = page.items.map((row) => ({
    id: row.id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    createdAt: new Date(row.created_at).toISOString(),
  }));
  return { items, nextCursor: page.nextCursor };
}
