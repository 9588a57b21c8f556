// The Socket.IO 4.8 peer of the chat gateway (bench/chat/run.mjs starts two on the same Redis):
// @socket.io/redis-adapter 8.3 for fan-out between instances, connection-state recovery on.
// It does the work the Nexus gateway + API do for the same frames, in one process:
//   - handshake: the API's access token (auth.token) verified against the API's JWKS (EdDSA,
//     issuer, audience, expiry), then the user read from PostgreSQL (must exist, not disabled);
//   - join: membership read from PostgreSQL (conversation_members, the API's table), the
//     conversation's last seq answered;
//   - send: what the API's statement for posts (insertMemberMessages) does, in one prepared CTE —
//     membership, the clientMessageId looked up (a resend is answered with the stored message), next
//     seq under the conversation's row lock, insert — then broadcast to the room (only when newly
//     stored) and acknowledged. Stored alone, a send takes that statement's one-post form (STORE_ONE).
// Its messages go to tables of its own (bench_sio_*) in the API's database, so both sides' counts
// can be checked against PostgreSQL.
//
// With SIO_GROUP_COMMIT=1 (bench:chat --sio-group-commit=1) the sends are stored as the Nexus
// gateway and API store them: gathered while at most two statements are out, each batch by one
// statement. The default stores each send as it arrives, alone, as a Socket.IO server is usually
// written.
//
// Environment: PORT, DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX, API_URL, JWT_ISSUER, SIO_GROUP_COMMIT.
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

// One post as the API's insertMemberMessages stores it, without the array machinery (unnest, ordering, the
// per-conversation counts): the cheapest statement for a send stored alone. The peer's default runs this one; run
// one post at a time, the API's own statement made the peer about 15 % slower (bench/README.md, session 7).
const STORE_ONE = `
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

// The API's insertMemberMessages (api/src/repositories/messages.ts) on this peer's tables: one row per post, in order.
const STORE = `
  with input as (
    select item.conversation_id, item.author_id, item.text, item.client_message_id, item.position::int as position
    from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[]) with ordinality as item(conversation_id, author_id, text, client_message_id, position)
  ), allowed as (
    select input.* from input
    join conversation_members as member on member.conversation_id = input.conversation_id and member.user_id = input.author_id
  ), existing as (
    select m.* from bench_sio_messages as m
    where (m.conversation_id, m.author_id, m.client_message_id) in (select conversation_id, author_id, client_message_id from allowed)
  ), fresh as (
    select distinct on (allowed.conversation_id, allowed.author_id, allowed.client_message_id) allowed.* from allowed
    where not exists (
      select 1 from existing where existing.conversation_id = allowed.conversation_id and existing.author_id = allowed.author_id
        and existing.client_message_id = allowed.client_message_id
    )
    order by allowed.conversation_id, allowed.author_id, allowed.client_message_id, allowed.position
  ), locked as (
    select id from bench_sio_conversations where id in (select conversation_id from fresh) order by id for update
  ), numbered as (
    update bench_sio_conversations set last_seq = last_seq + counts.n
    from (select conversation_id, count(*)::int as n from fresh group by conversation_id) as counts
    where bench_sio_conversations.id = counts.conversation_id and bench_sio_conversations.id in (select id from locked)
    returning bench_sio_conversations.id, bench_sio_conversations.last_seq, counts.n
  ), inserted as (
    insert into bench_sio_messages (conversation_id, seq, author_id, text, client_message_id)
    select fresh.conversation_id, numbered.last_seq - numbered.n + row_number() over (partition by fresh.conversation_id order by fresh.position),
      fresh.author_id, fresh.text, fresh.client_message_id
    from fresh join numbered on numbered.id = fresh.conversation_id
    returning *
  ), stored as (
    select inserted.*, true as created from inserted
    union all
    select existing.*, false as created from existing
  )
  select input.position, stored.* from input
  left join stored on stored.conversation_id = input.conversation_id and stored.author_id = input.author_id
    and stored.client_message_id = input.client_message_id
  order by input.position`;

/** Runs a prepared statement (prepared once per connection, as the API's are); a concurrent resend of one of its posts stored it first (the statement rolled back whole): run again, it is found. */
async function runStoring(query) {
  try {
    return (await db.query(query)).rows;
  } catch (error) {
    if (error?.code !== '23505') throw error;
    return (await db.query(query)).rows;
  }
}

/** One post: the stored message (`created`: stored now), or undefined for a non-member. */
const storePost = async ({ conversationId, authorId, text, clientMessageId }) =>
  (await runStoring({ name: 'bench_sio_store_one', text: STORE_ONE, values: [conversationId, authorId, text, clientMessageId] }))[0];

/** Posts with one statement: one row per post, as {@link storePost} answers. */
async function storePosts(posts) {
  const column = (key) => posts.map((post) => post[key]);
  const rows = await runStoring({ name: 'bench_sio_store', text: STORE, values: [column('conversationId'), column('authorId'), column('text'), column('clientMessageId')] });
  const answered = new Set();
  return rows.map((row) => {
    if (row.id === null) return undefined;
    const first = !answered.has(row.id);
    answered.add(row.id);
    return { ...row, created: row.created && first };
  });
}

/** Sends gathered while at most two statements are out (what the Nexus gateway does with its API calls). */
function groupCommitter() {
  let queue = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || inFlight >= 2 || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };
  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < 2) {
      const batch = queue.slice(0, 100);
      queue = queue.slice(100);
      inFlight += 1;
      storePosts(batch)
        .then(
          (rows) => rows.forEach((row, i) => batch[i].resolve(row)),
          (error) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          inFlight -= 1;
          schedule();
        });
    }
  };
  return (post) =>
    new Promise((resolve, reject) => {
      queue.push({ ...post, resolve, reject });
      schedule();
    });
}

/** A send stored as it arrives (the default), or gathered with others (SIO_GROUP_COMMIT=1). */
const storeSend = env.SIO_GROUP_COMMIT === '1' ? groupCommitter() : storePost;

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
      // What Nexus's API runs for posts (insertMemberMessages in api/src/repositories/messages.ts), on this peer's tables:
      // membership, the clientMessageId lookup, the next seq under the conversation's row lock and the insert, in one round trip.
      const row = await storeSend({ conversationId, authorId: user.id, text, clientMessageId });
      if (!row) return ack?.({ error: 'not_found' });
      if (row.created) io.to(conversationId).emit('message', view(row, user));
      ack?.({ id: row.id, seq: row.seq });
    } catch {
      ack?.({ error: 'unavailable' });
    }
  });
});

http.listen(Number(env.PORT), '127.0.0.1', () => process.stdout.write(`socket.io listening on ${env.PORT}\n`));
