import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { QuoteLineRow } from '../../db/schema.js';
import { addDays, todayIn } from '../../domain/quotes/calendar.js';
import {
  allowedTransitions,
  canRevise,
  isDueToExpire,
  isEditable,
  listInWords,
  revisableStatuses,
  transitionQuote,
  type QuoteStatus,
  type TransitionActor,
} from '../../domain/quotes/lifecycle.js';
import { formatQuoteNumber, quoteLabel } from '../../domain/quotes/numbering.js';
import { PricingError, priceLine, priceQuote, type LineToPrice } from '../../domain/quotes/pricing.js';
import { canonicalQuantity } from '../../domain/quotes/quantity.js';
import { newlyQuotedPairs } from '../../domain/quotes/quoted-pairs.js';
import type { AppRouteHandler, AuthUser } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { ifMatchAccepts } from '../../http/if-match.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { renderQuotePdf } from '../../pdf/quote-pdf.js';
import { recordActivity } from '../../repositories/activity.js';
import { findCustomer } from '../../repositories/customers.js';
import { createOnce } from '../../repositories/idempotency.js';
import { findProduct } from '../../repositories/products.js';
import {
  copyQuoteLines,
  deleteQuoteLine,
  findQuote,
  insertQuote,
  insertQuoteLine,
  listQuoteLines,
  listQuotes,
  productSetsOfSentRevisions,
  takeQuoteNumber,
  takeRevision,
  updateQuote,
  updateQuoteLine,
  type QuoteRecord,
} from '../../repositories/quotes.js';
import { recordQuotedTogether } from '../../repositories/relations.js';
import { expireDueQuotesNow } from './quotes.expiry.js';
import { publishQuoteChanged, type QuoteChange } from './quotes.events.js';
import { etagOf, toQuote, toQuoteSummary } from './quotes.schemas.js';
import { quoteSuggestions } from './quotes.suggestions.js';
import type {
  AddLineRoute,
  CreateRoute,
  GetRoute,
  ListRoute,
  PdfRoute,
  RemoveLineRoute,
  ReviseRoute,
  SuggestionsRoute,
  TransitionRoute,
  UpdateLineRoute,
  UpdateRoute,
} from './quotes.routes.js';

const actorOf = (user: AuthUser): TransitionActor => ({ kind: 'user', role: user.role });

/** The lines as the pricing function reads them. */
const toPriced = (line: Pick<QuoteLineRow, 'quantity' | 'unit_price_minor' | 'discount_bp'>): LineToPrice => ({
  quantity: canonicalQuantity(line.quantity),
  unitPriceMinor: Number(line.unit_price_minor),
  discountBp: line.discount_bp,
});

/** Pricing refusals (amounts beyond what can be carried exactly) are conflicts with the quote's other lines. */
function priced<T>(price: () => T): T {
  try {
    return price();
  } catch (error) {
    if (error instanceof PricingError) throw problems.conflict(`The quote cannot be priced: ${error.message}.`);
    throw error;
  }
}

function notEditable(quote: Pick<QuoteRecord, 'status'>) {
  return problems.conflict(
    `Only drafts can be edited; this quote is ${quote.status}.${canRevise(quote.status) ? ' Revise it to make a new draft.' : ''}`,
    { currentStatus: quote.status },
  );
}

interface Changed {
  quote: QuoteRecord;
  lines: QuoteLineRow[];
}

export function quotesHandlers(deps: AppDeps) {
  const today = () => todayIn(deps.config.QUOTE_TIME_ZONE);

  const notBeforeToday = (validUntil: string) => {
    const now = today();
    if (validUntil < now) {
      throw problems.conflict(`validUntil ${validUntil} is before today (${now}); a quote must be valid at least until today.`);
    }
  };

  async function liveCustomer(db: Db, id: string) {
    const customer = await findCustomer(db, id);
    if (!customer) throw problems.notFound('The customer');
    if (customer.archived_at !== null) throw problems.conflict(`Customer ${customer.name} is archived; restore the customer first.`);
    return customer;
  }

  async function publish(change: QuoteChange, quote: Pick<QuoteRecord, 'id' | 'number' | 'revision' | 'status' | 'version'>, actorId: string | null) {
    await publishQuoteChanged(deps, {
      change,
      quoteId: quote.id,
      number: quote.number,
      revision: quote.revision,
      status: quote.status,
      version: quote.version,
      actorId,
    });
  }

  /** Reads a quote as it is now: one past its validity date is expired first, so a stale status is never shown. */
  async function readQuote(id: string): Promise<QuoteRecord> {
    await expireDueQuotesNow(deps, [id]);
    const quote = await findQuote(deps.db, id);
    if (!quote) throw problems.notFound('The quote');
    return quote;
  }

  /**
   * The frame of every change to one quote, inside the caller's transaction:
   * lock it, check If-Match and, for edits, that it is a draft;
   * apply the change and record it in the activity log.
   */
  async function applyChange(
    trx: Db,
    request: { id: string; actor: AuthUser; ifMatch: string; draftOnly: boolean },
    apply: (trx: Db, quote: QuoteRecord, lines: QuoteLineRow[]) => Promise<{ action: string; summary: string; details?: Record<string, unknown> }>,
  ): Promise<Changed> {
    const quote = await findQuote(trx, request.id, { forUpdate: true });
    if (!quote) throw problems.notFound('The quote');
    // Under the row lock: of two writers holding the same ETag, exactly one gets past this.
    if (!ifMatchAccepts(request.ifMatch, quote.version)) {
      throw problems.preconditionFailed(`The quote is at version ${quote.version}; reload it and apply your change again.`);
    }
    // Expired just now (the date turned since the sweep before this transaction)?
    const status: QuoteStatus = isDueToExpire({ status: quote.status, validUntil: quote.valid_until }, today()) ? 'expired' : quote.status;
    if (request.draftOnly && !isEditable(status)) throw notEditable({ status });
    const lines = await listQuoteLines(trx, quote.id);
    const entry = await apply(trx, { ...quote, status }, lines);
    await recordActivity(trx, { actorId: request.actor.id, entityType: 'quote', entityId: quote.id, ...entry });
    const after = await findQuote(trx, quote.id);
    return { quote: after!, lines: await listQuoteLines(trx, quote.id) };
  }

  /** {@link applyChange} in a transaction of its own (after expiring the quote if due), publishing `quote.changed` after commit. */
  async function changeQuote(
    request: { id: string; actor: AuthUser; ifMatch: string; draftOnly: boolean; change: QuoteChange },
    apply: Parameters<typeof applyChange>[2],
  ): Promise<Changed> {
    await expireDueQuotesNow(deps, [request.id]);
    const changed = await deps.db.transaction().execute((trx) => applyChange(trx, request, apply));
    await publish(request.change, changed.quote, request.actor.id);
    return changed;
  }

  /** New totals from every line, written with the change (which bumps the version). */
  const totalsOf = (taxRateBp: number, lines: LineToPrice[]) => {
    const pricing = priced(() => priceQuote({ taxRateBp, lines }));
    return { subtotalMinor: pricing.subtotalMinor, taxMinor: pricing.taxMinor, totalMinor: pricing.totalMinor };
  };

  const body = (changed: Changed, actor: AuthUser) => toQuote(changed.quote, changed.lines, allowedTransitions(changed.quote.status, actorOf(actor)));

  const list: AppRouteHandler<ListRoute> = async (c) => {
    const actor = currentUser(c);
    const { limit, cursor, status, customerId, createdFrom, createdTo } = c.req.valid('query');
    await expireDueQuotesNow(deps);
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listQuotes(deps.db, {
      limit,
      ...(after ? { after } : {}),
      filters: {
        timeZone: deps.config.QUOTE_TIME_ZONE,
        ...(status ? { status } : {}),
        ...(customerId ? { customerId } : {}),
        ...(createdFrom ? { createdFrom } : {}),
        ...(createdTo ? { createdTo } : {}),
      },
    });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map((row) => toQuoteSummary(row, allowedTransitions(row.status, actorOf(actor)))), nextCursor: page.nextCursor }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'createQuote', payload: input },
      async (trx) => {
        const customer = await liveCustomer(trx, input.customerId);
        const issuedOn = today();
        const validUntil = input.validUntil ?? addDays(issuedOn, deps.config.QUOTE_VALIDITY_DAYS);
        notBeforeToday(validUntil);
        // The number comes last: its counter row stays locked until this transaction commits.
        const year = Number(issuedOn.slice(0, 4));
        const number = formatQuoteNumber(year, await takeQuoteNumber(trx, year));
        const id = await insertQuote(trx, {
          number,
          revision: 1,
          revisionOf: null,
          customerId: customer.id,
          title: input.title,
          currency: input.currency ?? deps.config.QUOTE_DEFAULT_CURRENCY,
          taxRateBp: input.taxRateBp ?? deps.config.QUOTE_DEFAULT_TAX_RATE_BP,
          validUntil,
          notes: input.notes ?? null,
          createdBy: actor.id,
        });
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'quote.created',
          entityType: 'quote',
          entityId: id,
          summary: `${actor.name} created quote ${number} for ${customer.name}`,
        });
        const quote = (await findQuote(trx, id))!;
        return {
          status: 201,
          body: toQuote(quote, [], allowedTransitions(quote.status, actorOf(actor))),
          headers: { Location: `/api/quotes/${id}`, ETag: etagOf(quote) },
        };
      },
    );
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    else await publish('created', result.body, actor.id);
    for (const [name, value] of Object.entries(result.headers)) c.header(name, value);
    return c.json(result.body, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const actor = currentUser(c);
    const quote = await readQuote(c.req.valid('param').id);
    const lines = await listQuoteLines(deps.db, quote.id);
    c.header('ETag', etagOf(quote));
    return c.json(toQuote(quote, lines, allowedTransitions(quote.status, actorOf(actor))), 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const changed = await changeQuote(
      { id, actor, ifMatch: c.req.valid('header')['if-match'], draftOnly: true, change: 'updated' },
      async (trx, quote, lines) => {
        if (changes.customerId !== undefined && changes.customerId !== quote.customer_id) await liveCustomer(trx, changes.customerId);
        if (changes.validUntil !== undefined) notBeforeToday(changes.validUntil);
        if (changes.currency !== undefined && changes.currency !== quote.currency && lines.length > 0) {
          throw problems.conflict(`The quote has lines priced in ${quote.currency}; remove them before changing the currency.`);
        }
        const taxRateBp = changes.taxRateBp ?? quote.tax_rate_bp;
        await updateQuote(trx, id, {
          ...changes,
          ...(changes.notes === undefined ? {} : { notes: changes.notes === '' ? null : changes.notes }),
          totals: totalsOf(taxRateBp, lines.map(toPriced)),
        });
        const fields = Object.keys(changes);
        return {
          action: 'quote.updated',
          summary: `${actor.name} updated ${fields.length > 0 ? fields.join(', ') : 'nothing'} of quote ${quoteLabel(quote)}`,
          details: { fields },
        };
      },
    );
    c.header('ETag', etagOf(changed.quote));
    return c.json(body(changed, actor), 200);
  };

  const addLine: AppRouteHandler<AddLineRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const headers = c.req.valid('header');
    await expireDueQuotesNow(deps, [id]);
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: headers['idempotency-key'], operation: 'addQuoteLine', payload: { quoteId: id, line: input } },
      async (outer) => {
        const changed = await applyChange(
          outer,
          { id, actor, ifMatch: headers['if-match'], draftOnly: true },
          async (trx, quote, lines) => {
            let line: Parameters<typeof insertQuoteLine>[2];
            const discountBp = input.discountBp ?? 0;
            if ('productId' in input) {
              // Copied now, so that later catalogue changes never alter this quote.
              const product = await findProduct(trx, input.productId);
              if (!product) throw problems.notFound('The product');
              if (!product.active) throw problems.conflict(`Product ${product.sku} is no longer sold (inactive).`);
              if (input.unitPriceMinor === undefined && product.currency !== quote.currency) {
                throw problems.conflict(
                  `Product ${product.sku} is priced in ${product.currency} and the quote in ${quote.currency}; give unitPriceMinor in ${quote.currency}.`,
                );
              }
              const unitPriceMinor = input.unitPriceMinor ?? Number(product.unit_price_minor);
              line = {
                productId: product.id,
                sku: product.sku,
                description: input.description ?? product.name,
                quantity: input.quantity,
                unit: input.unit ?? product.unit,
                unitPriceMinor,
                discountBp,
                lineTotalMinor: 0,
              };
            } else {
              line = {
                productId: null,
                sku: null,
                description: input.description,
                quantity: input.quantity,
                unit: input.unit ?? 'EA',
                unitPriceMinor: input.unitPriceMinor,
                discountBp,
                lineTotalMinor: 0,
              };
            }
            line.lineTotalMinor = priced(() => priceLine(line));
            const totals = totalsOf(quote.tax_rate_bp, [...lines.map(toPriced), line]);
            const inserted = await insertQuoteLine(trx, quote.id, line);
            await updateQuote(trx, quote.id, { totals });
            return {
              action: 'quote.line_added',
              summary: `${actor.name} added ${line.quantity} ${line.unit} ${line.description} to quote ${quoteLabel(quote)}`,
              details: { lineId: inserted.id, productId: line.productId },
            };
          },
        );
        return { status: 201, body: body(changed, actor), headers: { ETag: etagOf(changed.quote) } };
      },
    );
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    else await publish('line_added', result.body, actor.id);
    for (const [name, value] of Object.entries(result.headers)) c.header(name, value);
    return c.json(result.body, 201);
  };

  const updateLine: AppRouteHandler<UpdateLineRoute> = async (c) => {
    const actor = currentUser(c);
    const { id, lineId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const changed = await changeQuote(
      { id, actor, ifMatch: c.req.valid('header')['if-match'], draftOnly: true, change: 'line_updated' },
      async (trx, quote, lines) => {
        const current = lines.find((line) => line.id === lineId);
        if (!current) throw problems.notFound('The quote line');
        const next: LineToPrice = {
          quantity: changes.quantity ?? canonicalQuantity(current.quantity),
          unitPriceMinor: changes.unitPriceMinor ?? Number(current.unit_price_minor),
          discountBp: changes.discountBp ?? current.discount_bp,
        };
        const lineTotalMinor = priced(() => priceLine(next));
        const totals = totalsOf(quote.tax_rate_bp, lines.map((line) => (line.id === lineId ? next : toPriced(line))));
        await updateQuoteLine(trx, quote.id, lineId, { ...changes, lineTotalMinor });
        await updateQuote(trx, quote.id, { totals });
        return {
          action: 'quote.line_updated',
          summary: `${actor.name} changed line ${current.position} (${Object.keys(changes).join(', ') || 'nothing'}) of quote ${quoteLabel(quote)}`,
          details: { lineId, fields: Object.keys(changes) },
        };
      },
    );
    c.header('ETag', etagOf(changed.quote));
    return c.json(body(changed, actor), 200);
  };

  const removeLine: AppRouteHandler<RemoveLineRoute> = async (c) => {
    const actor = currentUser(c);
    const { id, lineId } = c.req.valid('param');
    const changed = await changeQuote(
      { id, actor, ifMatch: c.req.valid('header')['if-match'], draftOnly: true, change: 'line_removed' },
      async (trx, quote, lines) => {
        const current = lines.find((line) => line.id === lineId);
        if (!current) throw problems.notFound('The quote line');
        await deleteQuoteLine(trx, quote.id, lineId);
        await updateQuote(trx, quote.id, { totals: totalsOf(quote.tax_rate_bp, lines.filter((line) => line.id !== lineId).map(toPriced)) });
        return {
          action: 'quote.line_removed',
          summary: `${actor.name} removed line ${current.position} (${current.description}) from quote ${quoteLabel(quote)}`,
          details: { lineId, productId: current.product_id },
        };
      },
    );
    c.header('ETag', etagOf(changed.quote));
    return c.json(body(changed, actor), 200);
  };

  const transition: AppRouteHandler<TransitionRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const { to } = c.req.valid('json');
    const changed = await changeQuote(
      { id, actor, ifMatch: c.req.valid('header')['if-match'], draftOnly: false, change: 'status_changed' },
      async (trx, quote, lines) => {
        const verdict = transitionQuote({ status: quote.status, validUntil: quote.valid_until, lineCount: lines.length }, to, actorOf(actor), today());
        if (!verdict.ok) {
          const extensions = { currentStatus: verdict.from, allowedTransitions: verdict.allowed };
          if (verdict.reason === 'forbidden') {
            throw problems.forbidden(`Only an admin can move a quote to ${to}; you are ${actor.role}.`);
          }
          if (verdict.reason === 'guard') throw problems.conflict(verdict.detail, extensions);
          throw problems.conflict(
            `The quote is ${verdict.from}; it cannot go to ${to}. ` +
              (verdict.allowed.length > 0 ? `Allowed from ${verdict.from}: ${listInWords(verdict.allowed)}.` : `No further status is open to you from ${verdict.from}.`),
            extensions,
          );
        }
        await updateQuote(trx, quote.id, { status: to, ...(to === 'sent' ? { sentAt: new Date() } : {}) });
        if (to === 'sent') {
          // Sent quotes feed the QUOTED_WITH weights, once per pair per deal (number).
          const products = [...new Set(lines.map((line) => line.product_id).filter((p): p is string => p !== null))];
          const pairs = newlyQuotedPairs(products, await productSetsOfSentRevisions(trx, quote.number, quote.id));
          if (pairs.length > 0) await recordQuotedTogether(trx, pairs.map((pair) => [pair.a, pair.b]));
        }
        const verb = { sent: 'sent', accepted: 'marked as accepted', rejected: 'marked as rejected', cancelled: 'cancelled' }[to];
        return {
          action: `quote.${to}`,
          summary: `${actor.name} ${verb} quote ${quoteLabel(quote)}`,
          details: { from: quote.status, to },
        };
      },
    );
    c.header('ETag', etagOf(changed.quote));
    return c.json(body(changed, actor), 200);
  };

  const revise: AppRouteHandler<ReviseRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    await expireDueQuotesNow(deps, [id]);
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'reviseQuote', payload: { quoteId: id } },
      async (trx) => {
        const source = await findQuote(trx, id, { forUpdate: true });
        if (!source) throw problems.notFound('The quote');
        const status: QuoteStatus = isDueToExpire({ status: source.status, validUntil: source.valid_until }, today()) ? 'expired' : source.status;
        if (!canRevise(status)) {
          throw problems.conflict(
            `A ${status} quote cannot be revised; only ${listInWords(revisableStatuses())} quotes can.${status === 'draft' ? ' Edit the draft instead.' : ''}`,
            { currentStatus: status },
          );
        }
        const sourceLines = await listQuoteLines(trx, source.id);
        const revision = await takeRevision(trx, source.number);
        const newId = await insertQuote(trx, {
          number: source.number,
          revision,
          revisionOf: source.id,
          customerId: source.customer_id,
          title: source.title,
          currency: source.currency,
          taxRateBp: source.tax_rate_bp,
          validUntil: addDays(today(), deps.config.QUOTE_VALIDITY_DAYS),
          notes: source.notes,
          createdBy: actor.id,
          // Priced afresh from the lines rather than copied from the source row.
          totals: totalsOf(source.tax_rate_bp, sourceLines.map(toPriced)),
        });
        await copyQuoteLines(trx, source.id, newId);
        const lines = await listQuoteLines(trx, newId);
        const label = quoteLabel({ number: source.number, revision });
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'quote.revised',
          entityType: 'quote',
          entityId: newId,
          summary: `${actor.name} revised quote ${quoteLabel(source)} as ${label}`,
          details: { revisionOf: source.id },
        });
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'quote.revision_created',
          entityType: 'quote',
          entityId: source.id,
          summary: `${actor.name} made revision ${label} of quote ${quoteLabel(source)}`,
          details: { revisionId: newId },
        });
        const quote = (await findQuote(trx, newId))!;
        return {
          status: 201,
          body: toQuote(quote, lines, allowedTransitions(quote.status, actorOf(actor))),
          headers: { Location: `/api/quotes/${newId}`, ETag: etagOf(quote) },
        };
      },
    );
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    else await publish('revised', result.body, actor.id);
    for (const [name, value] of Object.entries(result.headers)) c.header(name, value);
    return c.json(result.body, 201);
  };

  const pdf: AppRouteHandler<PdfRoute> = async (c) => {
    const quote = await readQuote(c.req.valid('param').id);
    const [lines, customer] = await Promise.all([listQuoteLines(deps.db, quote.id), findCustomer(deps.db, quote.customer_id)]);
    const { config } = deps;
    const bytes = await renderQuotePdf({
      company: {
        name: config.COMPANY_NAME,
        addressLines: config.COMPANY_ADDRESS,
        phone: config.COMPANY_PHONE,
        email: config.COMPANY_EMAIL,
        taxId: config.COMPANY_TAX_ID,
      },
      taxLabel: config.QUOTE_TAX_LABEL,
      quote: {
        number: quote.number,
        revision: quote.revision,
        title: quote.title,
        status: quote.status,
        currency: quote.currency,
        taxRateBp: quote.tax_rate_bp,
        issuedOn: todayIn(config.QUOTE_TIME_ZONE, new Date(quote.sent_at ?? quote.created_at)),
        validUntil: quote.valid_until,
        notes: quote.notes,
        subtotalMinor: Number(quote.subtotal_minor),
        taxMinor: Number(quote.tax_minor),
        totalMinor: Number(quote.total_minor),
      },
      customer: {
        name: customer?.name ?? quote.customer_name,
        company: customer?.company ?? null,
        billingAddress: customer?.billing_address ?? null,
        email: customer?.email ?? null,
        phone: customer?.phone ?? null,
        taxId: customer?.tax_id ?? null,
      },
      lines: lines.map((line) => ({
        position: line.position,
        sku: line.sku,
        description: line.description,
        quantity: canonicalQuantity(line.quantity),
        unit: line.unit,
        unitPriceMinor: Number(line.unit_price_minor),
        discountBp: line.discount_bp,
        lineTotalMinor: Number(line.line_total_minor),
      })),
    });
    const fileName = `${quote.number}${quote.revision > 1 ? `-rev${quote.revision}` : ''}.pdf`;
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName}"`,
      'Cache-Control': 'private, no-cache',
    }) as never;
  };

  const suggestions: AppRouteHandler<SuggestionsRoute> = async (c) => {
    const quote = await readQuote(c.req.valid('param').id);
    if (quote.status !== 'draft') {
      throw problems.conflict(`Suggestions are for drafts; this quote is ${quote.status}.`, { currentStatus: quote.status });
    }
    const lines = await listQuoteLines(deps.db, quote.id);
    return c.json(await quoteSuggestions(deps, quote.id, lines), 200);
  };

  return { list, create, get, update, addLine, updateLine, removeLine, transition, revise, pdf, suggestions };
}
