// The Socket.IO 4.8 peer of the chat gateway (bench/chat/run.mjs starts two on the same Redis):
// @socket.io/redis-adapter 8.3 for fan-out between instances, connection-state recovery on.
// It does the work the Nexus gateway + API do for the same frames, in one process:
//   - handshake: the API's access token (auth.token) verified against the API's JWKS (EdDSA,
//     issuer, audience, expiry), then the user read from PostgreSQL (must exist, not disabled);
//   - join: membership read from PostgreSQL (conversation_members, the API's table), the
//     conversation's last seq answered;
//   - send: the API's postMessage statement, one prepared CTE — membership, the clientMessageId
//     looked up (a resend is answered with the stored message), next seq under the conversation's
//     row lock, insert — then broadcast to the room (only when newly stored) and acknowledged.
// Its messages go to tables of its own (bench_sio_*) in the API's database, so both sides' counts
// can be checked against PostgreSQL.
//
// Environment: PORT, DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, API_URL, JWT_ISSUER.
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import pg from 'pg';
import { Server } from 'socket.io';

const env = process.env;
// Five each: the two instances together hold the 10 connections the one Nexus API holds (DATABASE_POOL_MAX).
const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 5 });
const pub = new Redis(env.REDIS_URL);
const sub = pub.duplicate();
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', env.API_URL));

const http = createServer((request, response) => {
  response.writeHead(request.url === '/ready' ? 200 : 404).end();
});
const io = new Server(http, {
  adapter: createAdapter(pub, sub, { key: `${env.REDIS_KEY_PREFIX}socket.io` }),
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 16 * 1024,
});

io.use(async (socket, next) => {
  try {
    const { payload } = await jwtVerify(String(socket.handshake.auth?.token ?? ''), jwks, {
      algorithms: ['EdDSA'],
      issuer: env.JWT_ISSUER ?? 'nexus',
      audience: 'nexus-api',
      requiredClaims: ['sub', 'exp'],
    });
    const { rows } = await db.query('select id, name from users where id = $1 and disabled_at is null', [payload.sub]);
    if (rows.length === 0) return next(new Error('unauthorized'));
    socket.data.user = { id: rows[0].id, displayName: rows[0].name };
    next();
  } catch {
    next(new Error('unauthorized'));
  }
});

const STORE = `
  with member as (
    select 1 from conversation_members where conversation_id = $1 and user_id = $2
  ), existing as (
    select * from bench_sio_messages
    where conversation_id = $1 and author_id = $2 and client_message_id = $4 and exists (select 1 from member)
  ), numbered as (
    update bench_sio_conversations set last_seq = last_seq + 1
    where id = $1 and exists (select 1 from member) and not exists (select 1 from existing)
    returning id, last_seq
  ), inserted as (
    insert into bench_sio_messages (conversation_id, seq, author_id, text, client_message_id)
    select id, last_seq, $2, $3, $4 from numbered
    returning *
  )
  select inserted.*, true as created from inserted
  union all
  select existing.*, false as created from existing`;

/** One statement, prepared once per connection (as the API's prepared statements are). */
const store = async (conversationId, authorId, text, clientMessageId) =>
  (await db.query({ name: 'bench_sio_store', text: STORE, values: [conversationId, authorId, text, clientMessageId] })).rows[0];

const isMember = async (client, conversationId, userId) =>
  (await client.query('select 1 from conversation_members where conversation_id = $1 and user_id = $2', [conversationId, userId])).rowCount > 0;

const view = (row, author) => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: row.seq,
  kind: 'user',
  author,
  text: row.text,
  clientMessageId: row.client_message_id,
  references: [],
  createdAt: row.created_at.toISOString(),
});

io.on('connection', (socket) => {
  const user = socket.data.user;

  socket.on('join', async ({ conversationId } = {}, ack) => {
    try {
      if (!(await isMember(db, conversationId, user.id))) return ack?.({ error: 'not_found' });
      const { rows } = await db.query('select last_seq from bench_sio_conversations where id = $1', [conversationId]);
      socket.join(conversationId);
      ack?.({ lastSeq: rows[0]?.last_seq ?? 0 });
    } catch {
      ack?.({ error: 'unavailable' });
    }
  });

  socket.on('leave', ({ conversationId } = {}) => socket.leave(conversationId));

  socket.on('send', async ({ conversationId, clientMessageId, text } = {}, ack) => {
    try {
      // The statement Nexus's API runs (insertMemberMessage in api/src/repositories/messages.ts) on this peer's tables:
      // membership, the clientMessageId lookup, the next seq under the conversation's row lock and the insert, in one round trip.
      let row;
      try {
        row = await store(conversationId, user.id, text, clientMessageId);
      } catch (error) {
        // A concurrent resend stored it first (this attempt rolled back whole): now it is found.
        if (error?.code !== '23505') throw error;
        row = await store(conversationId, user.id, text, clientMessageId);
      }
      if (!row) return ack?.({ error: 'not_found' });
      if (row.created) io.to(conversationId).emit('message', view(row, user));
      ack?.({ id: row.id, seq: row.seq });
    } catch {
      ack?.({ error: 'unavailable' });
    }
  });
});

http.listen(Number(env.PORT), '127.0.0.1', () => process.stdout.write(`socket.io listening on ${env.PORT}\n`));
