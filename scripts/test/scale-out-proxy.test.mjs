// Issue 13's scale-out, as its "Done when" puts it: two api and two chat
// instances behind the real proxy, on one PostgreSQL and one Redis, each
// started natively with the environment docker-compose.production.yml gives it
// (`docker compose config`, addresses mapped onto this machine) and its image's
// CMD, from its package folder. nginx runs the committed deploy/nginx with only
// addresses substituted (scripts/lib/nginx-site.mjs), in the TLS mode the
// compose file resolves (PROXY_TLS=on, a self-signed certificate made here).
//
//  1. Mixed load through the proxy lands on both api instances; one is
//     SIGKILLed mid-run; clients retry failed creates through the proxy with the
//     same Idempotency-Key. Every 2xx write is in PostgreSQL afterwards, once.
//  2. Two members connected through the proxy's /ws on different gateway
//     instances keep talking while one gateway is SIGKILLed: the member on it
//     reconnects through the proxy, resends what was not acknowledged; nothing
//     acknowledged is lost or stored twice, checked against PostgreSQL.
//  3. HTTPS and wss:// through the proxy's TLS server; PROXY_TLS=redirect
//     answers plain HTTP with 308.
//  4. SIGTERM: the gateway closes its sockets with 1001 and every process exits
//     0 within SHUTDOWN_TIMEOUT_SECONDS.
//
// Run: pnpm test:deploy (a step of scripts/test-all.mjs).
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, createTestDatabase, freePort } from '../lib/test-stack.mjs';
import { loadServicesEnv } from '../lib/services-env.mjs';
import { composeConfig, dockerfileCmd, nativeEnv, nativeProcesses, writeProductionEnv } from '../lib/compose-native.mjs';
import { renderNginx } from '../lib/nginx-site.mjs';
// chat's own test socket, without its frame schema: this run has no @nexus/sdk source resolution.
import { openFrameSocket } from '../../chat/test/support/frame-socket.ts';

const run = promisify(execFile);
const requireFromChat = createRequire(path.join(REPO_ROOT, 'chat/package.json'));
const pg = requireFromChat('pg');

const services = loadServicesEnv();
const COMPOSE_BIN = process.env.COMPOSE_BIN ?? services.COMPOSE_BIN ?? path.join(REPO_ROOT, '.data/bin/docker-compose');
const NGINX_BIN = process.env.NGINX_BIN ?? services.NGINX_BIN ?? '/usr/sbin/nginx';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two api and two chat instances behind nginx, with the compose environment', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'nexus-scale-out-'));
  const { children, logs, start, untilHealthy } = nativeProcesses();
  let database;
  let compose;
  let ports;
  let origin;
  let tlsOrigin;
  let certificate;
  let nginx;
  let access;
  let db;
  const api = [];
  const chat = [];
  const password = `Scale-${randomBytes(12).toString('hex')}`;
  let ada;
  let bob;
  let conversationId;

  /** Runs the compose file's healthcheck of `service` (its port mapped onto `port`) until it passes. */
  function healthy(service, child, containerPort, port) {
    return untilHealthy(compose, service, child, {
      mapArg: (arg) => arg.replace(`http://127.0.0.1:${containerPort}`, `http://127.0.0.1:${port}`),
    });
  }

  /** The environment compose gives `service`, on this machine's PostgreSQL, Redis and Neo4j. */
  function envOf(service, { apiPort, listen, dataDir }) {
    return nativeEnv(compose, service, {
      databaseUrl: database.url,
      redisUrl: services.REDIS_URL,
      neo4jUrl: services.NEO4J_URL,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      redisKeyPrefix: `test:${database.name}:`,
      dataDir,
      listen,
    });
  }

  /** api instance i (0 or 1): the image's CMD from api/, the compose environment. */
  function startApi(i) {
    const cmd = dockerfileCmd('api');
    const dataDir = path.join(work, `api-${i}-data`);
    mkdirSync(dataDir, { recursive: true });
    const child = start(`api-${i}${api[i] ? '-restarted' : ''}`, cmd[0], cmd.slice(1), path.join(REPO_ROOT, 'api'), envOf('api', { apiPort: ports.api[i], listen: { PORT: ports.api[i], METRICS_PORT: ports.apiMetrics[i] }, dataDir }));
    api[i] = child;
    return healthy('api', child, 8002, ports.api[i]);
  }

  /** chat instance i: calls api instance i (in compose, `api` resolves to every replica). */
  function startChat(i) {
    const cmd = dockerfileCmd('chat');
    const child = start(`chat-${i}`, cmd[0], cmd.slice(1), path.join(REPO_ROOT, 'chat'), envOf('chat', { apiPort: ports.api[i], listen: { CHAT_PORT: ports.chat[i], CHAT_METRICS_PORT: ports.chatMetrics[i] } }));
    chat[i] = child;
    return healthy('chat', child, 8001, ports.chat[i]);
  }

  /** A JSON request through the proxy's plain HTTP origin. */
  async function call(method, urlPath, { token, body, headers = {} } = {}) {
    const response = await fetch(`${origin}${urlPath}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), origin, ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
  }

  async function login(email, secret) {
    const { status, body } = await call('POST', '/api/auth/login', { body: { email, password: secret } });
    expect(status, JSON.stringify(body)).toBe(200);
    return { token: body.accessToken };
  }

  /** Open connections of chat instance i, from its Prometheus metrics. */
  async function gatewayConnections(i) {
    const text = await (await fetch(`http://127.0.0.1:${ports.chatMetrics[i]}/metrics`)).text();
    const line = /^nexus_chat_connections(?:\{[^}]*\})? (\d+)/m.exec(text);
    return Number(line?.[1] ?? NaN);
  }

  /** The proxy's access log: one JSON object per request (a WebSocket's line is written when it closes). */
  function accessLog() {
    return readFileSync(access, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  async function query(text, params = []) {
    return (await db.query(text, params)).rows;
  }

  beforeAll(async () => {
    const free = async (n) => Promise.all(Array.from({ length: n }, () => freePort()));
    ports = { api: await free(2), apiMetrics: await free(2), chat: await free(2), chatMetrics: await free(2), web: await freePort(), http: await freePort(), https: await freePort() };
    origin = `http://127.0.0.1:${ports.http}`;
    tlsOrigin = `https://127.0.0.1:${ports.https}`;
    database = await createTestDatabase(services);
    chmodSync(work, 0o755);

    // A self-signed certificate for 127.0.0.1, in the directory the env file names as TLS_CERT_DIR.
    const certDir = path.join(work, 'tls');
    mkdirSync(certDir);
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(certDir, 'privkey.pem'), '-out', path.join(certDir, 'fullchain.pem'),
    ]);
    chmodSync(path.join(certDir, 'privkey.pem'), 0o600);
    certificate = readFileSync(path.join(certDir, 'fullchain.pem'));

    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    const envFile = writeProductionEnv(path.join(work, '.env.production'), {
      PUBLIC_ORIGIN: origin,
      PUBLIC_WS_URL: `ws://127.0.0.1:${ports.http}/ws`,
      HTTP_PORT: String(ports.http),
      HTTPS_PORT: String(ports.https),
      PROXY_TLS: 'on',
      TLS_CERT_DIR: certDir,
      POSTGRES_PASSWORD: decodeURIComponent(new URL(services.DATABASE_URL).password),
      REDIS_PASSWORD: decodeURIComponent(new URL(services.REDIS_URL).password),
      NEO4J_PASSWORD: services.NEO4J_PASSWORD,
      JWT_PRIVATE_KEY: `"${pem.trim().replaceAll('\n', '\\n')}"`,
      BCRYPT_COST: '4',
      SHUTDOWN_TIMEOUT_SECONDS: '5',
    });
    compose = await composeConfig(COMPOSE_BIN, envFile);

    // The one-shot migration, then two api and two chat instances.
    const migrate = start('migrate', compose.services.migrate.command[0], compose.services.migrate.command.slice(1), path.join(REPO_ROOT, 'api'), envOf('migrate', { apiPort: ports.api[0], dataDir: path.join(work, 'migrate-data') }));
    expect(await migrate.exited, logs.migrate).toBe(0);
    await Promise.all([startApi(0), startApi(1)]);
    await Promise.all([startChat(0), startChat(1)]);

    // nginx: the TLS mode and certificate directory are the ones compose mounts for the proxy.
    const volume = (target) => compose.services.proxy.volumes.find((v) => v.target === target)?.source;
    const tls = /tls-(\w+)\.conf$/.exec(volume('/etc/nginx/conf.d/tls.conf'))?.[1];
    expect(tls).toBe('on');
    expect(volume('/etc/nginx/tls')).toBe(certDir);
    const prefix = path.join(work, 'nginx');
    const rendered = renderNginx({ prefix, upstreams: { api: ports.api, chat: ports.chat, web: [ports.web] }, httpPort: ports.http, httpsPort: ports.https, tls, certDir });
    access = rendered.accessLog;
    const checked = await run(NGINX_BIN, ['-t', ...rendered.args]);
    expect(checked.stderr).toMatch(/test is successful/);
    nginx = start('nginx', NGINX_BIN, [...rendered.args, '-g', 'daemon off;'], prefix, {});
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`${origin}/nginx-health`).then((r) => r.ok, () => false))) {
      if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${logs.nginx}\n${readFileSync(rendered.errorLog, 'utf8')}`);
      await sleep(200);
    }

    db = new pg.Client({ connectionString: database.url });
    await db.connect();

    // An admin (the CLI, password on stdin), a sales user, and a conversation between them — all through the proxy.
    const admin = start('create-admin', 'node', ['--conditions=@nexus/source', '--import', 'tsx', 'src/cli/create-admin.ts', '--email', 'ops@example.com', '--name', 'Ops', '--password-stdin'], path.join(REPO_ROOT, 'api'), envOf('api', { apiPort: ports.api[0], dataDir: path.join(work, 'api-0-data') }));
    admin.stdin.end(`${password}\n`);
    expect(await admin.exited, logs['create-admin']).toBe(0);
    ada = await login('ops@example.com', password);
    const bobPassword = `Bob-${randomBytes(8).toString('hex')}`;
    const created = await call('POST', '/api/users', { token: ada.token, body: { email: 'bob@scale.test', name: 'Bob', role: 'sales', password: bobPassword }, headers: { 'idempotency-key': randomUUID() } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    bob = await login('bob@scale.test', bobPassword);
    const conversation = await call('POST', '/api/conversations', { token: ada.token, body: { title: 'Scale-out', memberIds: [created.body.id] } });
    expect(conversation.status, JSON.stringify(conversation.body)).toBe(201);
    conversationId = conversation.body.id;
  }, 150_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.end().catch(() => {});
    await database?.drop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('spreads mixed load over both api instances; one SIGKILLed mid-run loses no acknowledged write and none is created twice', async () => {
    const writes = [];
    const reads = [];

    /** One create through the proxy, retried through the proxy with the same key and body until it is acknowledged. */
    const create = async () => {
      const write = { key: randomUUID(), name: `scale-${randomUUID()}`, attempts: [] };
      writes.push(write);
      for (let attempt = 0; attempt < 10 && !write.id; attempt++) {
        try {
          const { status, body } = await call('POST', '/api/customers', { token: ada.token, body: { name: write.name, email: 'buyer@scale.test' }, headers: { 'idempotency-key': write.key } });
          write.attempts.push(status);
          if (status === 201) write.id = body.id;
        } catch (error) {
          write.attempts.push(String(error.cause ?? error));
        }
        if (!write.id) await sleep(150);
      }
      return write;
    };
    const read = async (urlPath) => {
      try {
        reads.push({ urlPath, status: (await call('GET', urlPath, { token: ada.token })).status });
      } catch (error) {
        reads.push({ urlPath, status: String(error.cause ?? error) });
      }
    };

    // Four clients: creates, reads of what they created (another instance may answer), list pages.
    const clients = [0, 1, 2, 3].map(async (client) => {
      for (let round = 0; round < 25; round++) {
        const write = await create();
        if (write.id && round % 2 === 0) await read(`/api/customers/${write.id}`);
        if ((round + client) % 4 === 0) await read('/api/customers?limit=5');
      }
    });
    const killer = (async () => {
      while (writes.filter((w) => w.id).length < 25) await sleep(10);
      api[0].kill('SIGKILL');
    })();
    await Promise.all([...clients, killer]);
    expect(await api[0].exited).toBe('SIGKILL');

    // Every write was acknowledged in the end (201), through the proxy.
    expect(writes.filter((w) => !w.id).map((w) => w.attempts)).toEqual([]);
    // Reads are retried by nginx on the other instance (idempotent): none failed.
    expect(reads.filter((r) => r.status !== 200)).toEqual([]);

    // PostgreSQL: every acknowledged write under the id the client was given, exactly once, and nothing else.
    const rows = await query(`select name, id from customers where name like 'scale-%'`);
    const byName = new Map();
    for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
    for (const write of writes) expect({ name: write.name, ids: byName.get(write.name) ?? [] }).toEqual({ name: write.name, ids: [write.id] });
    expect(rows.length).toBe(writes.length);

    // Both instances answered creates (nginx's round-robin; the dead one only before the kill). $upstream_addr lists
    // every instance nginx tried, the one that answered last.
    const answeredBy = (entry) => entry.upstream.split(', ').at(-1);
    const creates = accessLog().filter((entry) => entry.method === 'POST' && entry.uri === '/api/customers' && entry.status === 201);
    expect([...new Set(creates.map(answeredBy))].sort()).toEqual(ports.api.map((p) => `127.0.0.1:${p}`).sort());
    const passedOver = creates.filter((entry) => entry.upstream.includes(', ')).length;
    const retried = writes.filter((w) => w.attempts.length > 1);
    console.info(`scale-out: ${writes.length} creates, ${retried.length} retried by the client with their key (${JSON.stringify(retried.map((w) => w.attempts))}), ${passedOver} passed over the dead instance by nginx, ${reads.length} reads`);

    // compose's `restart: unless-stopped` brings the killed instance back; the proxy uses it again.
    await startApi(0);
    const after = [];
    for (let i = 0; i < 6; i++) after.push(await create());
    expect(after.every((w) => w.id)).toBe(true);
    await sleep(200);
    const lastCreates = accessLog().filter((entry) => entry.method === 'POST' && entry.uri === '/api/customers').slice(-6);
    expect(new Set(lastCreates.map(answeredBy)).size).toBe(2);
  }, 120_000);

  /** A WebSocket through the proxy's /ws (as a browser opens it: Origin, subprotocol; the token in Authorization). */
  const openSocket = (person, url = `ws://127.0.0.1:${ports.http}/ws`, { ca } = {}) =>
    openFrameSocket(url, { protocols: ['nexus.chat.v1'], headers: { origin, authorization: `Bearer ${person.token}` }, ca, timeoutMs: 15_000 });
  const join = (socket, since) => {
    socket.send({ type: 'join', conversationId, ...(since !== undefined ? { since } : {}) });
    return socket.next('joined', (frame) => frame.conversationId === conversationId);
  };
  /** Whichever gateway instance got the newest connection (its open count went up). */
  async function landedOn(before) {
    const now = await Promise.all([gatewayConnections(0), gatewayConnections(1)]);
    const moved = now.map((n, i) => n - before[i]);
    expect(moved.filter((d) => d === 1).length, `connections ${JSON.stringify(before)} → ${JSON.stringify(now)}`).toBe(1);
    return moved.indexOf(1);
  }

  it('chat members on different gateway instances keep talking through the proxy while one gateway is SIGKILLed', async () => {
    // Ada and Bob through the proxy's /ws; nginx's round-robin puts them on different instances (the metrics say which).
    let counts = await Promise.all([gatewayConnections(0), gatewayConnections(1)]);
    let reader = await openSocket(ada);
    const readerGateway = await landedOn(counts);
    counts = await Promise.all([gatewayConnections(0), gatewayConnections(1)]);
    let sender = await openSocket(bob);
    let senderGateway = await landedOn(counts);
    for (let tries = 0; senderGateway === readerGateway && tries < 4; tries++) {
      sender.ws.close();
      await sender.closed;
      counts = await Promise.all([gatewayConnections(0), gatewayConnections(1)]);
      sender = await openSocket(bob);
      senderGateway = await landedOn(counts);
    }
    expect(senderGateway).not.toBe(readerGateway);

    const { lastSeq: startSeq } = await join(reader);
    await join(sender, startSeq);

    // Bob sends 40 on his gateway, Ada 20 on hers; Ada's gateway is SIGKILLed halfway.
    const sentByReader = new Map();
    const acked = new Map();
    const total = 40;
    for (let i = 0; i < total; i++) {
      sender.send({ type: 'send', conversationId, clientMessageId: randomUUID(), text: `from Bob ${i}` });
      if (i < 20) {
        const clientMessageId = randomUUID();
        sentByReader.set(clientMessageId, `from Ada ${i}`);
        reader.send({ type: 'send', conversationId, clientMessageId, text: `from Ada ${i}` });
      }
      if (i === 20) chat[readerGateway].kill('SIGKILL');
      await sleep(10);
    }
    expect(await chat[readerGateway].exited).toBe('SIGKILL');
    // nginx drops the client side of a socket whose upstream died: no close frame.
    expect((await reader.closed).code).toBe(1006);
    for (const frame of reader.frames) if (frame.type === 'ack') acked.set(frame.clientMessageId, frame.seq);
    const seenBefore = reader.frames.filter((frame) => frame.type === 'message').map((frame) => frame.message);
    const lastSeen = seenBefore.reduce((max, message) => Math.max(max, message.seq), startSeq);

    // Ada reconnects through the proxy (nginx passes over the dead instance), rejoins with since, resends the unacknowledged.
    reader = await openSocket(ada);
    await join(reader, lastSeen);
    const unacked = [...sentByReader].filter(([clientMessageId]) => !acked.has(clientMessageId));
    for (const [clientMessageId, text] of unacked) reader.send({ type: 'send', conversationId, clientMessageId, text });
    for (const [clientMessageId] of unacked) acked.set(clientMessageId, (await reader.next('ack', (frame) => frame.clientMessageId === clientMessageId)).seq);
    await sender.next('ack', () => sender.frames.filter((frame) => frame.type === 'ack').length === total, 20_000);
    for (const frame of sender.frames) if (frame.type === 'ack') acked.set(frame.clientMessageId, frame.seq);

    // PostgreSQL: contiguous seqs, every message once, each acknowledged one under its acknowledged seq.
    const stored = await query('select seq, client_message_id from messages where conversation_id = $1 and seq > $2 order by seq', [conversationId, startSeq]);
    expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => startSeq + 1 + i));
    expect(stored).toHaveLength(total + sentByReader.size);
    expect(new Set(stored.map((row) => row.client_message_id)).size).toBe(stored.length);
    expect(acked.size).toBe(stored.length);
    for (const [clientMessageId, seq] of acked) expect(stored.find((row) => row.client_message_id === clientMessageId)?.seq, clientMessageId).toBe(seq);

    // Both members saw every stored message, in order, once: Bob live on the survivor, Ada before the kill plus after reconnecting.
    const lastStored = stored.at(-1).seq;
    await reader.next('message', (frame) => frame.message.seq === lastStored, 20_000);
    await sender.next('message', (frame) => frame.message.seq === lastStored, 20_000);
    const seenByAda = [...seenBefore, ...reader.frames.filter((frame) => frame.type === 'message').map((frame) => frame.message)].map((m) => m.seq);
    const seenByBob = sender.frames.filter((frame) => frame.type === 'message').map((frame) => frame.message.seq);
    expect(seenByAda).toEqual(stored.map((row) => row.seq));
    expect(seenByBob).toEqual(stored.map((row) => row.seq));
    reader.ws.close();
    sender.ws.close();
    await Promise.all([reader.closed, sender.closed]);
  }, 90_000);

  it('serves HTTPS and wss:// at the proxy with the certificate from TLS_CERT_DIR; PROXY_TLS=redirect moves plain HTTP there', async () => {
    // The certificate is only trusted as given: a request that verifies it against this test's CA copy.
    const health = await new Promise((resolve, reject) => {
      const req = httpsRequest(`${tlsOrigin}/api/health`, { ca: certificate }, (res) => {
        const protocol = res.socket.getProtocol();
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(body), protocol }));
      });
      req.once('error', reject);
      req.end();
    });
    expect(health.status).toBe(200);
    expect(health.body.checks.postgres.status).toBe('up');
    expect(health.protocol).toMatch(/^TLSv1\.[23]$/);

    // A chat socket over wss:// through nginx's TLS server, to whichever gateway is up.
    const socket = await openSocket(ada, `wss://127.0.0.1:${ports.https}/ws`, { ca: certificate });
    expect(socket.ws.protocol).toBe('nexus.chat.v1');
    socket.send({ type: 'ping', ref: 'over-tls' });
    expect(await socket.next('pong')).toEqual({ type: 'pong', ref: 'over-tls' });
    socket.ws.close();
    await socket.closed;
    // Without the certificate's CA the handshake is refused: it is really TLS with that certificate.
    await expect(openSocket(ada, `wss://127.0.0.1:${ports.https}/ws`)).rejects.toThrow(/self[- ]signed/i);

    // PROXY_TLS=redirect (the same files, tls-redirect.conf): plain HTTP answers 308 to https://, but its health check.
    const prefix = path.join(work, 'nginx-redirect');
    const redirectPorts = { http: await freePort(), https: await freePort() };
    const rendered = renderNginx({ prefix, upstreams: { api: ports.api, chat: ports.chat, web: [ports.web] }, httpPort: redirectPorts.http, httpsPort: redirectPorts.https, tls: 'redirect', certDir: path.join(work, 'tls') });
    expect((await run(NGINX_BIN, ['-t', ...rendered.args])).stderr).toMatch(/test is successful/);
    const redirecting = start('nginx-redirect', NGINX_BIN, [...rendered.args, '-g', 'daemon off;'], prefix, {});
    try {
      let moved;
      const deadline = Date.now() + 10_000;
      while (!(moved = await fetch(`http://127.0.0.1:${redirectPorts.http}/api/health?x=1`, { redirect: 'manual' }).catch(() => undefined))) {
        if (redirecting.exitCode !== null || Date.now() > deadline) throw new Error(`nginx (redirect) did not start:\n${logs['nginx-redirect']}\n${readFileSync(rendered.errorLog, 'utf8')}`);
        await sleep(200);
      }
      expect(moved.status).toBe(308);
      expect(moved.headers.get('location')).toBe('https://127.0.0.1/api/health?x=1');
      expect((await fetch(`http://127.0.0.1:${redirectPorts.http}/nginx-health`)).status).toBe(200);
    } finally {
      redirecting.kill('SIGQUIT');
      await redirecting.exited;
    }
  }, 60_000);

  it('SIGTERM: the gateway closes its sockets with 1001; every instance exits 0 within SHUTDOWN_TIMEOUT_SECONDS', async () => {
    expect(compose.services.chat.environment.SHUTDOWN_TIMEOUT_SECONDS).toBe('5');
    expect(compose.services.web.environment.SHUTDOWN_TIMEOUT_SECONDS).toBe('5');
    const survivor = chat.findIndex((child) => child.exitCode === null && child.signalCode === null);
    const socket = await openSocket(bob);
    await join(socket);
    const started = Date.now();
    chat[survivor].kill('SIGTERM');
    expect(await socket.closed).toMatchObject({ code: 1001 });
    expect(await chat[survivor].exited, logs[chat[survivor].label]).toBe(0);
    for (const child of api) child.kill('SIGTERM');
    for (const child of api) expect(await child.exited, logs[child.label]).toBe(0);
    expect(Date.now() - started).toBeLessThan(2 * 5_000 + 5_000);
    nginx.kill('SIGQUIT');
    await nginx.exited;
  }, 60_000);
});
