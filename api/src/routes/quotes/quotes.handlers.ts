import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf } from '../../http/etag.js';
import { expectedVersion } from '../../http/if-match.js';
import { quotesService } from '../../services/quotes/index.js';
import type { AddLineRoute, RemoveLineRoute, UpdateLineRoute } from './quotes.lines.routes.js';
import type {
  CreateRoute,
  GetRoute,
  ListRoute,
  PdfRoute,
  ReviseRoute,
  SuggestionsRoute,
  TransitionRoute,
  UpdateRoute,
} from './quotes.routes.js';

export function quotesHandlers(deps: AppDeps) {
  const quotes = quotesService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await quotes.list(currentUser(c), c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await quotes.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/quotes/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const quote = await quotes.get(currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(quote));
    return c.json(quote, 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, expected: expectedVersion(c.req.valid('header')['if-match']) };
    const quote = await quotes.update(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(quote));
    return c.json(quote, 200);
  };

  const addLine: AppRouteHandler<AddLineRoute> = async (c) => {
    const headers = c.req.valid('header');
    const request = { id: c.req.valid('param').id, expected: expectedVersion(headers['if-match']), idempotencyKey: headers['idempotency-key'] };
    const created = await quotes.addLine(currentUser(c), request, c.req.valid('json'));
    setCreatedHeaders(c, created, { etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const updateLine: AppRouteHandler<UpdateLineRoute> = async (c) => {
    const request = { ...c.req.valid('param'), expected: expectedVersion(c.req.valid('header')['if-match']) };
    const quote = await quotes.updateLine(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(quote));
    return c.json(quote, 200);
  };

  const removeLine: AppRouteHandler<RemoveLineRoute> = async (c) => {
    const quote = await quotes.removeLine(currentUser(c), { ...c.req.valid('param'), expected: expectedVersion(c.req.valid('header')['if-match']) });
    c.header('ETag', etagOf(quote));
    return c.json(quote, 200);
  };

  const transition: AppRouteHandler<TransitionRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, expected: expectedVersion(c.req.valid('header')['if-match']) };
    const quote = await quotes.transition(currentUser(c), request, c.req.valid('json').to);
    c.header('ETag', etagOf(quote));
    return c.json(quote, 200);
  };

  const revise: AppRouteHandler<ReviseRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, idempotencyKey: c.req.valid('header')['idempotency-key'] };
    const created = await quotes.revise(currentUser(c), request);
    setCreatedHeaders(c, created, { location: `/api/quotes/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const pdf: AppRouteHandler<PdfRoute> = async (c) => {
    const { fileName, bytes } = await quotes.pdf(c.req.valid('param').id);
    return c.body(bytes, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${fileName}"`,
      'Cache-Control': 'private, no-cache',
    }) as never;
  };

  const suggestions: AppRouteHandler<SuggestionsRoute> = async (c) => c.json(await quotes.suggestions(c.req.valid('param').id), 200);

  return { list, create, get, update, addLine, updateLine, removeLine, transition, revise, pdf, suggestions };
}
