import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { createRouter } from '../../http/router.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { listActivity } from '../../repositories/activity.js';
import * as routes from './activity.routes.js';

export function activityRouter(deps: AppDeps) {
  const list: AppRouteHandler<routes.ListRoute> = async (c) => {
    const { limit, cursor, entityType, entityId, actorId } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listActivity(deps.db, {
      limit,
      ...(after ? { after } : {}),
      ...(entityType ? { entityType } : {}),
      ...(entityId ? { entityId } : {}),
      ...(actorId ? { actorId } : {}),
    });
    const page = paginate(rows, limit);
    return c.json(
      {
        items: page.items.map((row) => ({
          id: row.id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          summary: row.summary,
          actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
          createdAt: new Date(row.created_at).toISOString(),
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  };
  return createRouter().openapi(routes.list, list);
}
