import type { Driver } from 'neo4j-driver';
import type { AppDeps } from '../../deps.js';
import type { MessageReference } from '../../db/schema.js';
import { parseAssistantRequest, type AssistantIntent } from '../../domain/assistant/intent.js';
import { assembleKit } from '../../domain/catalogue/kit.js';
import { RELATED_GROUPS, rankRelated } from '../../domain/catalogue/related.js';
import { searchTerms } from '../../domain/catalogue/search-query.js';
import { formatMoney } from '../../domain/quotes/money-format.js';
import { quoteLabel } from '../../domain/quotes/numbering.js';
import { mayEditQuotes, QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { relatedNeighbours, taskKitRows } from '../../graph/queries.js';
import { ProblemError } from '../../lib/problem.js';
import { findProduct, findProductsByIds, productIdsBySku, searchProducts, type ProductRecord } from '../../repositories/products.js';
import { findQuoteByNumber } from '../../repositories/quotes.js';
import { listTasks } from '../../repositories/tasks.js';
import type { Caller } from '../caller.js';
import type { QuotesDeps } from '../quotes/quote-context.js';
import { quotesService } from '../quotes/index.js';

/**
 * The product assistant: answers a chat message addressed to `@assistant`
 * from the catalogue, the product graph and the quotes, as the asking user
 * (the same quote service and role rules as the API). Every fact in an answer
 * is read from a datastore; what it cannot answer, or a dependency that is
 * down, it says so.
 */

export type AssistantDeps = QuotesDeps;

export interface AssistantAnswer {
  text: string;
  references: MessageReference[];
}

const MAX_PRODUCTS = 5;

/** The product with this SKU (SKUs are unique regardless of case). */
async function findProductBySku(deps: AssistantDeps, sku: string): Promise<ProductRecord | undefined> {
  const id = (await productIdsBySku(deps.db, [sku])).get(sku.toLowerCase());
  return id === undefined ? undefined : findProduct(deps.db, id);
}

const productRef = (p: Pick<ProductRecord, 'id' | 'sku' | 'name'>): MessageReference => ({ type: 'product', id: p.id, label: `${p.sku} ${p.name}` });

function productLine(p: ProductRecord): string {
  const stock = p.stock_quantity > 0 ? `${p.stock_quantity} ${p.unit} in stock` : 'out of stock';
  return `${p.sku} — ${p.name}: ${formatMoney(p.unit_price_minor, p.currency)} per ${p.unit}, ${stock}`;
}

const CAPABILITIES =
  'I can: find products with prices and stock ("@assistant price of DRL-18V"), list related products ("@assistant accessories for DRL-18V"), ' +
  'list the kit for a task ("@assistant kit for tiling"), give a quote\'s status and total ("@assistant status of Q-2026-000123") ' +
  'and add products to a draft quote ("@assistant add 10 × DRL-18V to Q-2026-000123").';

class GraphUnavailable extends Error {}

/** The graph, or why there is none; a failing query is reported the same way. */
async function withGraph<T>(deps: AssistantDeps, what: string, run: (graph: Driver) => Promise<T>): Promise<T> {
  if (!deps.graph) throw new GraphUnavailable(`The product graph is unavailable (Neo4j is not configured on this server), so I cannot list ${what}.`);
  try {
    return await run(deps.graph);
  } catch (error) {
    deps.logger.error({ err: error }, `assistant: product graph query failed (${what})`);
    throw new GraphUnavailable(`The product graph (Neo4j) is not reachable right now, so I cannot list ${what}. Try again later.`);
  }
}

/** The product a request names: by exact SKU, else the best catalogue search hit. */
async function resolveProduct(deps: AssistantDeps, name: string): Promise<ProductRecord | undefined> {
  const bySku = await findProductBySku(deps, name);
  if (bySku?.active) return bySku;
  const [best] = await searchProducts(deps.db, searchTerms(name), {}, 1, 0);
  return best;
}

async function searchAnswer(deps: AssistantDeps, query: string): Promise<AssistantAnswer> {
  const rows = await searchProducts(deps.db, searchTerms(query), {}, MAX_PRODUCTS, 0);
  if (rows.length === 0) return { text: `No product in the catalogue matches "${query}". ${CAPABILITIES}`, references: [] };
  return {
    text: [`Products matching "${query}":`, ...rows.map((p) => `• ${productLine(p)}`)].join('\n'),
    references: rows.map(productRef),
  };
}

async function relatedAnswer(deps: AssistantDeps, name: string): Promise<AssistantAnswer> {
  const origin = await resolveProduct(deps, name);
  if (!origin) return { text: `No product in the catalogue matches "${name}", so I cannot list what relates to it.`, references: [] };
  const neighbours = await withGraph(deps, `products related to ${origin.sku}`, (graph) => relatedNeighbours(graph, origin.id));
  const products = await findProductsByIds(deps.db, neighbours.map((n) => n.productId));
  const facts = (row: ProductRecord) => ({ id: row.id, name: row.name, inStock: row.stock_quantity > 0, active: row.active });
  const ranked = rankRelated(facts(origin), neighbours, new Map([...products].map(([id, row]) => [id, facts(row)])), MAX_PRODUCTS);
  const lines: string[] = [];
  const references: MessageReference[] = [productRef(origin)];
  for (const group of RELATED_GROUPS) {
    const items = ranked[group.group].map((s) => products.get(s.productId)).filter((p): p is ProductRecord => p !== undefined);
    if (items.length === 0) continue;
    lines.push(`${group.title}:`, ...items.map((p) => `• ${productLine(p)}`));
    references.push(...items.map(productRef));
  }
  if (lines.length === 0) return { text: `The product graph has no related products for ${origin.sku} ${origin.name}.`, references };
  return { text: [`Related to ${origin.sku} ${origin.name}:`, ...lines].join('\n'), references };
}

async function kitAnswer(deps: AssistantDeps, taskName: string): Promise<AssistantAnswer> {
  const [task] = await listTasks(deps.db, { limit: 1, q: taskName });
  if (!task) return { text: `No task in the catalogue matches "${taskName}", so I have no kit for it.`, references: [] };
  const { tools, requirements } = await withGraph(deps, `the kit for ${task.name}`, (graph) => taskKitRows(graph, task.id));
  const products = await findProductsByIds(deps.db, [...tools.map((t) => t.productId), ...requirements.flatMap((r) => [r.productId, r.requiredById])]);
  const facts = new Map([...products].map(([id, p]) => [id, { id, name: p.name, inStock: p.stock_quantity > 0, active: p.active }]));
  const items = assembleKit(task.name, tools, requirements, facts);
  if (items.length === 0) return { text: `The product graph lists no products for the task ${task.name}.`, references: [] };
  const line = (id: string) => `• ${productLine(products.get(id)!)}`;
  const toolIds = items.filter((i) => i.role === 'tool').map((i) => i.productId);
  const requiredIds = items.filter((i) => i.role === 'required').map((i) => i.productId);
  return {
    text: [
      `Kit for ${task.name}:`,
      ...toolIds.map(line),
      ...(requiredIds.length > 0 ? ['Also required:', ...requiredIds.map(line)] : []),
    ].join('\n'),
    references: [...toolIds, ...requiredIds].map((id) => productRef(products.get(id)!)),
  };
}

const quoteNotFound = (number: string, revision: number | null) => ({
  text: `No quote numbered ${revision === null ? number : `${number} rev ${revision}`} exists.`,
  references: [],
});

async function quoteStatusAnswer(deps: AssistantDeps, caller: Caller, number: string, revision: number | null): Promise<AssistantAnswer> {
  const found = await findQuoteByNumber(deps.db, number, revision);
  if (!found) return quoteNotFound(number, revision);
  // Through the quote service, so the status is today's (a quote past its date reads as expired).
  const quote = await quotesService(deps).get(caller, found.id);
  const label = quoteLabel(quote);
  return {
    text:
      `${label} "${quote.title}" for ${quote.customerName}: ${quote.status}, ${quote.lines.length} line${quote.lines.length === 1 ? '' : 's'}, ` +
      `total ${formatMoney(quote.totalMinor, quote.currency)} (subtotal ${formatMoney(quote.subtotalMinor, quote.currency)}, ` +
      `tax ${formatMoney(quote.taxMinor, quote.currency)}), valid until ${quote.validUntil}.`,
    references: [{ type: 'quote', id: quote.id, label }],
  };
}

async function addToQuoteAnswer(
  deps: AssistantDeps,
  caller: Caller,
  intent: Extract<AssistantIntent, { kind: 'add_to_quote' }>,
  questionId: string,
): Promise<AssistantAnswer> {
  if (!mayEditQuotes(caller.role)) {
    return { text: `Only ${QUOTE_EDITOR_ROLES.join(' and ')} users may edit quotes; you are ${caller.role}, so I added nothing.`, references: [] };
  }
  if (!(Number(intent.quantity) > 0)) {
    return { text: `${intent.quantity} is not a quantity I can add (a positive number with at most 3 decimals).`, references: [] };
  }
  const product = await findProductBySku(deps, intent.sku);
  if (!product) return { text: `No product has the SKU ${intent.sku}, so I added nothing.`, references: [] };
  const found = await findQuoteByNumber(deps.db, intent.quoteNumber, intent.revision);
  if (!found) return quoteNotFound(intent.quoteNumber, intent.revision);
  try {
    // The question's id is the idempotency key: answering it again never adds the line twice.
    const added = await quotesService(deps).addLine(
      caller,
      { id: found.id, expected: () => true, idempotencyKey: `assistant:${questionId}` },
      { productId: product.id, quantity: intent.quantity },
    );
    const quote = added.value;
    const label = quoteLabel(quote);
    return {
      text: `Added ${intent.quantity} ${product.unit} ${product.sku} ${product.name} to ${label}; its total is now ${formatMoney(quote.totalMinor, quote.currency)}.`,
      references: [{ type: 'quote', id: quote.id, label }, productRef(product)],
    };
  } catch (error) {
    // The quote service's refusals (not a draft, inactive product, other currency, full) are the answer.
    if (error instanceof ProblemError && error.status < 500) {
      return { text: `I could not add ${product.sku} to ${quoteLabel(found)}: ${error.detail ?? error.title}`, references: [{ type: 'quote', id: found.id, label: quoteLabel(found) }] };
    }
    throw error;
  }
}

/** The answer to one message addressed to the assistant, as `caller` (its author). */
export async function answerAssistantRequest(deps: AssistantDeps, caller: Caller, question: { id: string; text: string }): Promise<AssistantAnswer> {
  const intent = parseAssistantRequest(question.text);
  try {
    switch (intent.kind) {
      case 'help':
        return { text: CAPABILITIES, references: [] };
      case 'product_search':
        return await searchAnswer(deps, intent.query);
      case 'related_products':
        return await relatedAnswer(deps, intent.product);
      case 'task_kit':
        return await kitAnswer(deps, intent.task);
      case 'quote_status':
        return await quoteStatusAnswer(deps, caller, intent.quoteNumber, intent.revision);
      case 'add_to_quote':
        return await addToQuoteAnswer(deps, caller, intent, question.id);
    }
  } catch (error) {
    if (error instanceof GraphUnavailable) return { text: error.message, references: [] };
    throw error;
  }
}
