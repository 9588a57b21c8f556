// The limit: a bare node:http server on node-postgres doing what Nexus does
// for the five bench endpoints with the same SQL and JSON and nothing else.
// With VERIFY=1 it verifies the bearer token on every request (Ed25519
// signature with node:crypto, issuer, audience, expiry); with VERIFY=0 it
// skips that, to show what the signature check alone costs.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { createCustomer, dashboard, getQuote, listCustomers, search } from './peer-common.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
const VERIFY = process.env.VERIFY !== '0';
const publicKey = createPublicKey(process.env.JWT_PUBLIC_KEY);
const ISSUER = process.env.JWT_ISSUER ?? 'nexus';

/** The caller's id, or undefined when the token is missing or not valid. */
function authenticate(req) {
  const header = req.headers.authorization;
  const match = header && /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header);
  if (!match) return undefined;
  if (!VERIFY) return JSON.parse(Buffer.from(match[2], 'base64url').toString()).sub;
  const ok = verify(null, Buffer.from(`${match[1]}.${match[2]}`), publicKey, Buffer.from(match[3], 'base64url'));
  if (!ok) return undefined;
  const header0 = JSON.parse(Buffer.from(match[1], 'base64url').toString());
  const claims = JSON.parse(Buffer.from(match[2], 'base64url').toString());
  if (header0.alg !== 'EdDSA' || claims.iss !== ISSUER || claims.aud !== 'nexus-api' || !(claims.exp * 1000 > Date.now())) return undefined;
  return claims.sub;
}

const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
};

const QUOTE = /^\/api\/quotes\/([0-9a-f-]{36})$/;

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://limit');
    if (req.method === 'GET' && url.pathname === '/api/dashboard') return send(res, 200, await dashboard(pool));
    const userId = authenticate(req);
    if (!userId) return send(res, 401, { status: 401, title: 'Unauthorized' });
    if (req.method === 'GET' && url.pathname === '/api/customers') return send(res, 200, await listCustomers(pool));
    if (req.method === 'POST' && url.pathname === '/api/customers') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw);
      if (typeof body.name !== 'string' || body.name.length === 0) return send(res, 400, { status: 400, title: 'Bad Request' });
      const created = await createCustomer(pool, userId, req.headers['idempotency-key'], { name: body.name });
      return created.status === 201 ? send(res, 201, created.view) : send(res, 409, { status: 409, title: 'Conflict' });
    }
    const quote = QUOTE.exec(url.pathname);
    if (req.method === 'GET' && quote) {
      const view = await getQuote(pool, quote[1]);
      return view ? send(res, 200, view) : send(res, 404, { status: 404, title: 'Not Found' });
    }
    if (req.method === 'GET' && url.pathname === '/api/catalogue/search') {
      const result = await search(pool, url.searchParams.get('q') ?? '');
      return result ? send(res, 200, result) : send(res, 400, { status: 400, title: 'Bad Request' });
    }
    send(res, 404, { status: 404, title: 'Not Found' });
  } catch (error) {
    console.error(error);
    send(res, 500, { status: 500, title: 'Internal Server Error' });
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
