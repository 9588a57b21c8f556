import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** A quote's activity entry not yet told in one conversation linked to that quote. */
export interface PendingQuoteAnnouncement {
  activity_id: string;
  conversation_id: string;
  quote_id: string;
  quote_number: string;
  quote_revision: number;
  summary: string;
  created_at: Date;
}

/**
 * Quote activity since `since`, paired with every conversation linked to the
 * quote at the time (entries older than the conversation are not its news),
 * minus the pairs already told. Oldest first.
 */
export function pendingQuoteAnnouncements(db: Db, since: Date, limit: number): Promise<PendingQuoteAnnouncement[]> {
  return db
    .selectFrom('activity')
    .innerJoin('conversations', (join) =>
      join.onRef('conversations.quote_id', '=', 'activity.entity_id').on(sql<boolean>`activity.created_at >= conversations.created_at`),
    )
    .innerJoin('quotes', 'quotes.id', 'activity.entity_id')
    .select([
      'activity.id as activity_id',
      'conversations.id as conversation_id',
      'quotes.id as quote_id',
      'quotes.number as quote_number',
      'quotes.revision as quote_revision',
      'activity.summary',
      'activity.created_at',
    ])
    .where('activity.entity_type', '=', 'quote')
    .where('activity.created_at', '>', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('messages')
            .select(sql`1`.as('one'))
            .whereRef('messages.conversation_id', '=', 'conversations.id')
            .whereRef('messages.source_activity_id', '=', 'activity.id'),
        ),
      ),
    )
    .orderBy('activity.created_at')
    .orderBy('activity.id')
    .orderBy('conversations.id')
    .limit(limit)
    .execute();
}

/** Whether the entry is already told in the conversation (checked again under the conversation's lock). */
export async function isAnnounced(db: Db, conversationId: string, activityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversationId)
    .where('source_activity_id', '=', activityId)
    .executeTakeFirst();
  return row !== undefined;
}
