import { sql, type Kysely } from 'kysely';

/**
 * Chat: conversations (optionally about a quote or a customer), their members
 * with each one's read marker, and messages numbered gap-free per conversation.
 * `conversations.last_seq` is the counter: a post takes the conversation's row
 * lock, increments it and inserts in the same transaction, so a rolled-back
 * post gives its number back and no two posts share one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conversations (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      quote_id uuid references quotes (id) on delete set null,
      customer_id uuid references customers (id) on delete set null,
      last_seq integer not null default 0 check (last_seq >= 0),
      last_activity_at timestamptz not null default date_trunc('milliseconds', now()),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  // Quote changes find the conversations to tell through this.
  await sql`create index conversations_quote_idx on conversations (quote_id) where quote_id is not null`.execute(db);
  await sql`create index conversations_customer_idx on conversations (customer_id) where customer_id is not null`.execute(db);

  await sql`
    create table conversation_members (
      conversation_id uuid not null references conversations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      read_seq integer not null default 0 check (read_seq >= 0),
      joined_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (conversation_id, user_id)
    )`.execute(db);
  await sql`create index conversation_members_user_idx on conversation_members (user_id, conversation_id)`.execute(db);

  await sql`
    create table messages (
      id uuid primary key default gen_random_uuid(),
      conversation_id uuid not null references conversations (id) on delete cascade,
      seq integer not null check (seq > 0),
      kind text not null check (kind in ('user', 'system', 'assistant')),
      author_id uuid references users (id) on delete set null,
      text text not null,
      client_message_id uuid,
      refs jsonb not null default '[]'::jsonb,
      in_reply_to uuid references messages (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      check ((kind = 'user') = (client_message_id is not null))
    )`.execute(db);
  await sql`create unique index messages_seq_key on messages (conversation_id, seq)`.execute(db);
  // The idempotency key of a post: a resend finds the original instead of a second row.
  await sql`create unique index messages_client_id_key on messages (conversation_id, author_id, client_message_id)`.execute(db);
  // At most one assistant answer per question, however often answering is retried.
  await sql`create unique index messages_assistant_answer_key on messages (in_reply_to) where kind = 'assistant'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'conversation_members', 'conversations']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
