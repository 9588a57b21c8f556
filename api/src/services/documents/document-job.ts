import { formatQuantity, QUANTITY_PATTERN } from '@nexus/sdk/pricing';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import { describeLocation } from '../../domain/documents/document-structure.js';
import { recognizeRequestedItems } from '../../domain/documents/recognize-items.js';
import type { RequestedItem } from '../../domain/documents/requested-item.js';
import type { ParseLimits } from '../../parsing/limits.js';
import type { ResidentParser } from '../../parsing/resident-parser.js';
import { runBoundedParser } from '../../parsing/run-bounded-parser.js';
import { recordActivity } from '../../repositories/activity.js';
import {
  completeDocument,
  DOCUMENT_JOB,
  documentFile,
  findDocument,
  markDocumentProcessing,
  markDocumentQueued,
  type NewDocumentItem,
} from '../../repositories/documents.js';
import type { JobContext, JobHandler } from '../jobs/job-handler.js';
import { failDocumentWithEvent, recordDocumentEvent } from './document-events.js';
import { matchRequestedItems, type ItemMatch } from './match-requested-items.js';

export { DOCUMENT_JOB };

/** Items matched per round of catalogue lookups. */
const MATCH_BATCH = 200;
/**
 * Batches matched at once: while PostgreSQL runs one batch's lookups, this
 * process scores another's candidates (half the time of one after the other
 * on two cores); two connections of the pool (DATABASE_POOL_MAX, default 10).
 */
const MATCH_LANES = 2;

/** A recognised quantity as an exact decimal the quote lines accept ("12", "2.5"), or null when it is not one. */
export function quantityText(quantity: number): string | null {
  if (!Number.isFinite(quantity) || quantity <= 0) return null;
  const text = formatQuantity(Math.round(quantity * 1000));
  return QUANTITY_PATTERN.test(text) ? text : null;
}

export function toNewItem(match: ItemMatch, position: number): NewDocumentItem {
  const { item, verdict } = match;
  return {
    position,
    description: item.description,
    specification: item.specification,
    brand: item.brand,
    code: item.code,
    remarks: item.remarks,
    quantity: quantityText(item.quantity),
    unit: item.unit.normalized ?? item.unit.written,
    unitWritten: item.unit.written,
    location: item.location as unknown as Record<string, unknown>,
    confidence: item.confidence,
    matchStatus: verdict.status,
    matchReason: verdict.status === 'no-confident-match' ? verdict.reason : null,
    candidates: verdict.candidates,
    chosenProductId: verdict.status === 'matched' ? verdict.chosen.productId : null,
  };
}

/**
 * Reads an uploaded RFQ document on the job queue: extraction in the bounded
 * parser (worker thread, archive inspection first), recognition of the
 * requested items, matching them to the catalogue in batches (progress: items matched),
 * and then — in ONE transaction — the items, status `extracted` and the
 * `document.processed` event. Nothing is written before that transaction, so
 * a process that dies mid-job leaves nothing half-way: the next run starts
 * again, and a run after the commit finds the document ended and does
 * nothing. Exactly one set of items, exactly one event.
 */
export function documentJobHandler(
  deps: { db: Db; logger: Logger },
  options: { parseLimits: ParseLimits; onEnded?: () => void; /** Started with the process, so a document does not wait for a worker to start; one-off workers without it. */ parser?: ResidentParser<'rfq-document'> },
): JobHandler {
  const { db } = deps;
  const documentIdOf = (job: { payload: Record<string, unknown> }) => String(job.payload['subjectId']);
  const fail = async (documentId: string, reason: string) => {
    if (await failDocumentWithEvent(db, documentId, reason)) options.onEnded?.();
    deps.logger.info({ documentId, reason }, 'document could not be read');
    return { status: 'failed' as const, reason };
  };

  return {
    kind: DOCUMENT_JOB,
    async run(job, context) {
      const documentId = documentIdOf(job);
      const document = await markDocumentProcessing(db, documentId);
      if (!document) {
        const current = await findDocument(db, documentId);
        if (!current) return { status: 'failed', reason: 'The document was deleted.' };
        // Ended already (its process died after the document's last transaction, before the job's end): nothing to redo.
        return current.status === 'failed' ? { status: 'failed', reason: current.error ?? 'The document could not be read.' } : { status: 'done' };
      }
      const file = await documentFile(db, documentId);
      if (!file) return fail(documentId, 'The uploaded file is no longer stored; upload it again.');

      const run = { options: {}, signal: context.signal };
      const parsed = options.parser ? await options.parser.parse({ bytes: file.content }, run) : await runBoundedParser('rfq-document', { bytes: file.content }, options.parseLimits, run);
      if (!parsed.ok && parsed.failure === 'cancelled') {
        await markDocumentQueued(db, documentId);
        return { status: 'interrupted' };
      }
      if (!parsed.ok) return fail(documentId, capitalise(parsed.reason));

      const recognition = recognizeRequestedItems(parsed.value);
      if (recognition.items.length === 0) {
        return fail(documentId, capitalise(recognition.reason ?? 'no requested items were found in the document'));
      }

      const items: RequestedItem[] = recognition.items;
      context.progress(0, items.length);
      // In batches: candidates are looked up for a batch at once; progress and cancellation between batches.
      const matches = await matchInBatches(deps, items, context);
      if (!matches) {
        await markDocumentQueued(db, documentId);
        return { status: 'interrupted' };
      }

      const ended = await db.transaction().execute(async (trx) => {
        const row = await completeDocument(trx, documentId, matches.map((match, i) => toNewItem(match, i + 1)));
        if (!row) return undefined;
        await recordDocumentEvent(trx, row);
        await recordActivity(trx, {
          actorId: null,
          action: 'document.processed',
          entityType: 'document',
          entityId: documentId,
          summary: `${row.file_name ?? 'A document'} was read: ${row.item_count} requested item${row.item_count === 1 ? '' : 's'}, ${row.matched_count} matched to the catalogue`,
          details: { items: row.item_count, matched: row.matched_count, tables: recognition.tables.map((t) => `${t.name} (${describeLocation(t.headerLocation)})`) },
        });
        return row;
      });
      if (!ended) {
        const current = await findDocument(db, documentId);
        return current ? { status: 'done' } : { status: 'failed', reason: 'The document was deleted.' };
      }
      options.onEnded?.();
      deps.logger.info({ documentId, items: ended.item_count, matched: ended.matched_count }, 'document read');
      return { status: 'done', result: { items: ended.item_count, matched: ended.matched_count } };
    },
    async ended(job, end) {
      // The queue ended the job itself (given up, cancelled). The event publisher does the same if this never runs.
      await failDocumentWithEvent(db, documentIdOf(job), end.reason);
      options.onEnded?.();
    },
  };
}

/**
 * The items' matches in their order, MATCH_LANES batches at a time; undefined
 * when the job was stopped before every batch had started (a batch started
 * is finished: its statements are short).
 */
async function matchInBatches(deps: { db: Db }, items: readonly RequestedItem[], context: JobContext): Promise<ItemMatch[] | undefined> {
  const batches: RequestedItem[][] = [];
  for (let from = 0; from < items.length; from += MATCH_BATCH) batches.push(items.slice(from, from + MATCH_BATCH));
  const matched: ItemMatch[][] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  const lane = async () => {
    while (next < batches.length && !context.signal.aborted && !failed) {
      const at = next++;
      try {
        matched[at] = await matchRequestedItems(deps, batches[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
      done += batches[at]!.length;
      context.progress(done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MATCH_LANES, batches.length) }, lane));
  return next === batches.length ? matched.flat() : undefined;
}

const capitalise = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);
