// Peer: the same endpoints in Fastify 5, with JSON schemas for the query,
// body and responses (fast-json-stringify), the bearer token verified on every
// request by jose (as a Fastify team would with an onRequest hook), the same
// SQL and JSON as the limit (peer-common.mjs).
import { createPublicKey } from 'node:crypto';
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { createCustomer, dashboard, getQuote, listCustomers, search } from './peer-common.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
const publicKey = createPublicKey(process.env.JWT_PUBLIC_KEY);
const ISSUER = process.env.JWT_ISSUER ?? 'nexus';
const app = Fastify({ logger: false });

const nullableString = { type: ['string', 'null'] };
const customer = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, email: nullableString, phone: nullableString, company: nullableString,
    taxId: nullableString, billingAddress: nullableString, notes: nullableString, archived: { type: 'boolean' }, archivedAt: nullableString,
    version: { type: 'integer' }, createdAt: { type: 'string' }, updatedAt: { type: 'string' },
  },
};
const line = {
  type: 'object',
  properties: {
    id: { type: 'string' }, position: { type: 'integer' }, productId: nullableString, sku: nullableString, description: { type: 'string' },
    quantity: { type: 'string' }, unit: { type: 'string' }, unitPriceMinor: { type: 'integer' }, discountBp: { type: 'integer' }, lineTotalMinor: { type: 'integer' },
  },
};
const quote = {
  type: 'object',
  properties: {
    id: { type: 'string' }, number: { type: 'string' }, revision: { type: 'integer' }, revisionOf: nullableString, customerId: { type: 'string' },
    customerName: { type: 'string' }, title: { type: 'string' }, currency: { type: 'string' }, taxRateBp: { type: 'integer' }, validUntil: { type: 'string' },
    notes: nullableString, status: { type: 'string' }, subtotalMinor: { type: 'integer' }, taxMinor: { type: 'integer' }, totalMinor: { type: 'integer' },
    statusChangedAt: { type: 'string' }, sentAt: nullableString, version: { type: 'integer' }, createdAt: { type: 'string' }, updatedAt: { type: 'string' },
    lines: { type: 'array', items: line },
  },
};
const product = {
  type: 'object',
  properties: {
    id: { type: 'string' }, sku: { type: 'string' }, name: { type: 'string' }, description: nullableString, brand: nullableString, category: nullableString,
    modelNumbers: { type: 'array', items: { type: 'string' } }, unit: { type: 'string' }, unitPriceMinor: { type: 'integer' }, currency: { type: 'string' },
    stockQuantity: { type: 'integer' }, active: { type: 'boolean' }, version: { type: 'integer' }, score: { type: 'number' },
  },
};

async function authenticate(request, reply) {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  try {
    if (!match) throw new Error('no token');
    const { payload } = await jwtVerify(match[1], publicKey, { algorithms: ['EdDSA'], issuer: ISSUER, audience: 'nexus-api', requiredClaims: ['sub', 'exp'] });
    request.userId = payload.sub;
  } catch {
    return reply.code(401).type('application/problem+json').send({ status: 401, title: 'Unauthorized' });
  }
}

app.decorateRequest('userId', null);
app.get('/api/dashboard', async () => dashboard(pool));
app.get('/api/customers', {
  onRequest: authenticate,
  schema: {
    querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 } } },
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: customer }, nextCursor: nullableString } } },
  },
}, async () => listCustomers(pool));
app.post('/api/customers', {
  onRequest: authenticate,
  schema: {
    body: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } },
    headers: { type: 'object', required: ['idempotency-key'], properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } } },
    response: { 201: customer },
  },
}, async (request, reply) => {
  const created = await createCustomer(pool, request.userId, request.headers['idempotency-key'], { name: request.body.name });
  if (created.status !== 201) return reply.code(409).send({ status: 409, title: 'Conflict' });
  return reply.code(201).send(created.view);
});
app.get('/api/quotes/:id', {
  onRequest: authenticate,
  schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } }, response: { 200: quote } },
}, async (request, reply) => (await getQuote(pool, request.params.id)) ?? reply.code(404).send({ status: 404, title: 'Not Found' }));
app.get('/api/catalogue/search', {
  onRequest: authenticate,
  schema: {
    querystring: { type: 'object', required: ['q'], properties: { q: { type: 'string', minLength: 1, maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } } },
    response: { 200: { type: 'object', properties: { items: { type: 'array', items: product } } } },
  },
}, async (request, reply) => (await search(pool, request.query.q)) ?? reply.code(400).send({ status: 400, title: 'Bad Request' }));

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
