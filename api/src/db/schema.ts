import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables the migrations create. Keep in step with db/migrations. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: 'admin' | 'sales' | 'viewer';
  password_hash: string;
  disabled_at: Date | null;
  /** Bumped by every change; the `ETag`. */
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TokenFamiliesTable {
  id: Generated<string>;
  user_id: string;
  created_at: Timestamp;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  family_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<string>;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  tax_id: string | null;
  billing_address: string | null;
  notes: string | null;
  archived_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityTable {
  id: Generated<string>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  details: Json | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  operation: string;
  fingerprint: string;
  status: number | null;
  body: Json | null;
  headers: Json | null;
  created_at: Timestamp;
}

export interface ProductsTable {
  id: Generated<string>;
  sku: string;
  name: string;
  description: string | null;
  brand: string | null;
  category: string | null;
  model_numbers: ColumnType<string[], string[] | undefined, string[]>;
  unit: ColumnType<string, string | undefined, string>;
  unit_price_minor: number;
  currency: string;
  stock_quantity: ColumnType<number, number | undefined, number>;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Generated columns (search); never written. */
  codes: ColumnType<string[], never, never>;
  search_text: ColumnType<string, never, never>;
  search_vector: ColumnType<string, never, never>;
}

export interface TasksTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductRelationsTable {
  id: Generated<string>;
  type: 'COMPATIBLE_WITH' | 'ALTERNATIVE_TO' | 'ACCESSORY_OF' | 'REQUIRES' | 'USED_FOR';
  product_id: string;
  related_product_id: string | null;
  task_id: string | null;
  note: string | null;
  source: ColumnType<'manual' | 'import', 'manual' | 'import' | undefined, 'manual' | 'import'>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ProductPairStatsTable {
  product_a: string;
  product_b: string;
  quote_count: number;
  updated_at: Timestamp;
}

export interface GraphOutboxTable {
  id: Generated<number>;
  kind: 'product' | 'task' | 'relation' | 'pair';
  entity_id: string;
  payload: Json | null;
  created_at: Timestamp;
}

/** One row: which process drains the graph outbox now, until when (migration 0008). */
export interface GraphSyncLeaseTable {
  id: Generated<boolean>;
  holder: string | null;
  expires_at: Timestamp | null;
}

export interface ImportJobsTable {
  id: Generated<string>;
  status: ColumnType<'queued' | 'running' | 'succeeded' | 'failed', 'queued' | 'running' | 'succeeded' | 'failed' | undefined>;
  format: 'csv' | 'xlsx';
  file_name: string | null;
  file_size: number;
  rows_total: number | null;
  rows_done: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  unchanged_count: Generated<number>;
  rejected_count: Generated<number>;
  relations_created: Generated<number>;
  error: string | null;
  attempts: Generated<number>;
  heartbeat_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type JobStatus = 'queued' | 'processing' | 'done' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lost_leases: Generated<number>;
  run_after: Generated<Date>;
  lease_expires_at: Date | null;
  locked_by: string | null;
  cancel_requested: Generated<boolean>;
  progress_done: Generated<number>;
  progress_total: number | null;
  error: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ImportFilesTable {
  job_id: string;
  content: Buffer;
}

export interface ImportIssuesTable {
  job_id: string;
  row_number: number;
  kind: 'rejected' | 'warning';
  sku: string | null;
  reason: string;
}

export interface QuoteNumberCountersTable {
  year: number;
  last_number: number;
}

export interface QuotesTable {
  id: Generated<string>;
  number: string;
  revision: ColumnType<number, number | undefined, number>;
  revision_of: string | null;
  customer_id: string;
  title: string;
  currency: string;
  tax_rate_bp: number;
  /** `date`: the quote repositories read it as `YYYY-MM-DD` text (to_char), never as a JS Date. */
  valid_until: ColumnType<string, string, string>;
  notes: string | null;
  status: ColumnType<
    'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'cancelled',
    'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'cancelled' | undefined
  >;
  subtotal_minor: ColumnType<number, number | undefined, number>;
  tax_minor: ColumnType<number, number | undefined, number>;
  total_minor: ColumnType<number, number | undefined, number>;
  status_changed_at: Timestamp;
  sent_at: Date | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuoteLinesTable {
  id: Generated<string>;
  quote_id: string;
  position: number;
  product_id: string | null;
  sku: string | null;
  description: string;
  /** `numeric(10,3)`: read as text ("2.500"), written as text. */
  quantity: string;
  unit: string;
  unit_price_minor: number;
  discount_bp: ColumnType<number, number | undefined, number>;
  line_total_minor: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversationsTable {
  id: Generated<string>;
  title: string;
  quote_id: string | null;
  customer_id: string | null;
  last_seq: ColumnType<number, number | undefined, number>;
  last_activity_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversationMembersTable {
  conversation_id: string;
  user_id: string;
  read_seq: ColumnType<number, number | undefined, number>;
  joined_at: Timestamp;
}

export type MessageKind = 'user' | 'system' | 'assistant';

/** A link an answer or a system message carries, for the client to render. */
export interface MessageReference {
  type: 'product' | 'quote';
  id: string;
  label: string;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  seq: number;
  kind: MessageKind;
  author_id: string | null;
  text: string;
  client_message_id: string | null;
  refs: ColumnType<MessageReference[], string | undefined, string>;
  in_reply_to: string | null;
  /** The activity entry a system message tells (quote changes). */
  source_activity_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface ActivityCursorsTable {
  consumer: string;
  position: Timestamp;
  updated_at: Timestamp;
}

export type DocumentKindColumn = 'xlsx' | 'docx' | 'pdf' | 'csv' | 'text' | 'email';
export type DocumentStatus = 'queued' | 'processing' | 'extracted' | 'failed';

export interface DocumentsTable {
  id: Generated<string>;
  file_name: string | null;
  kind: DocumentKindColumn;
  media_type: string;
  size_bytes: number;
  checksum: string;
  customer_id: string | null;
  status: ColumnType<DocumentStatus, DocumentStatus | undefined, DocumentStatus>;
  error: string | null;
  item_count: Generated<number>;
  matched_count: Generated<number>;
  quote_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  processed_at: Date | null;
}

export interface DocumentFilesTable {
  document_id: string;
  content: Buffer;
}

export interface DocumentItemsTable {
  id: Generated<string>;
  document_id: string;
  position: number;
  description: string;
  specification: string | null;
  brand: string | null;
  code: string | null;
  remarks: string | null;
  /** numeric(10,3) as PostgreSQL returns it ("2.500"), or null when the document gave none that fits. */
  quantity: string | null;
  unit: string | null;
  unit_written: string | null;
  location: ColumnType<Record<string, unknown>, string, string>;
  confidence: number;
  match_status: 'matched' | 'no-confident-match';
  match_reason: string | null;
  candidates: ColumnType<unknown[], string | undefined, string>;
  chosen_product_id: string | null;
  not_an_item: Generated<boolean>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export interface DocumentEventsTable {
  id: Generated<number>;
  document_id: string;
  type: 'document.processed' | 'document.failed';
  payload: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  published_at: Date | null;
}

export interface Database {
  users: UsersTable;
  token_families: TokenFamiliesTable;
  refresh_tokens: RefreshTokensTable;
  customers: CustomersTable;
  activity: ActivityTable;
  idempotency_keys: IdempotencyKeysTable;
  products: ProductsTable;
  tasks: TasksTable;
  product_relations: ProductRelationsTable;
  product_pair_stats: ProductPairStatsTable;
  graph_outbox: GraphOutboxTable;
  graph_sync_lease: GraphSyncLeaseTable;
  import_jobs: ImportJobsTable;
  jobs: JobsTable;
  import_files: ImportFilesTable;
  import_issues: ImportIssuesTable;
  quote_number_counters: QuoteNumberCountersTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
  activity_cursors: ActivityCursorsTable;
  documents: DocumentsTable;
  document_files: DocumentFilesTable;
  document_items: DocumentItemsTable;
  document_events: DocumentEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type ProductRow = Selectable<ProductsTable>;
export type TaskRow = Selectable<TasksTable>;
export type ProductRelationRow = Selectable<ProductRelationsTable>;
export type ImportJobRow = Selectable<ImportJobsTable>;
export type JobRow = Selectable<JobsTable>;
export type QuoteRow = Selectable<QuotesTable>;
export type QuoteLineRow = Selectable<QuoteLinesTable>;
export type ConversationRow = Selectable<ConversationsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentItemRow = Selectable<DocumentItemsTable>;
export type DocumentEventRow = Selectable<DocumentEventsTable>;
export type MessageRow = Selectable<MessagesTable>;
