// pnpm bench:chat — the chat gateway against Socket.IO 4.8, on the real stack. See bench/README.md.
//
//   BENCH_CHAT_CLIENTS=2000 (or --clients=2000)   clients, split over both instances of each side
//   BENCH_CHAT_ROOM_SIZE=10      members of each small room
//   BENCH_CHAT_SECONDS=10        seconds of each delivery measurement
//   BENCH_CHAT_BIG_SENDERS=4     senders in the one room with every client
//   BENCH_CHAT_STORM_RATE=40     messages per second in all during the storm (spread over the small rooms)
//   BENCH_CHAT_WORKERS=2         client processes
//   BENCH_CHAT_TEXT_BYTES=100    message text size
//   BENCH_CHAT_TARGETS=nexus,socketio
//   BENCH_CHAT_SIO_GROUP_COMMIT=0   1: the Socket.IO peer gathers its inserts as Nexus does (socketio-server.mjs)
//
// One API (fresh database on the local PostgreSQL, local Redis) serves both sides: the users,
// their access tokens and the conversations' members are the same; Nexus runs two chat gateway
// processes (chat/src/server.ts) against it, Socket.IO two bench/chat/socketio-server.mjs.
import { fork, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startApi, startChatGateway } from '../../scripts/lib/test-stack.mjs';
import { insertBenchUsers } from './bench-users.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).flatMap((arg) => (/^--([\w-]+)=(.*)$/.exec(arg) ? [[RegExp.$1, RegExp.$2]] : [])));
const setting = (flag, name, fallback) => Number(flags[flag] ?? process.env[name] ?? fallback);
const CLIENTS = setting('clients', 'BENCH_CHAT_CLIENTS', 2000);
const ROOM_SIZE = setting('room-size', 'BENCH_CHAT_ROOM_SIZE', 10);
const SECONDS = setting('seconds', 'BENCH_CHAT_SECONDS', 10);
const BIG_SENDERS = setting('big-senders', 'BENCH_CHAT_BIG_SENDERS', 4);
// Below what either side stores per second on this machine, so that the storm measures recovery, not a backlog.
const STORM_RATE = setting('storm-rate', 'BENCH_CHAT_STORM_RATE', 40);
const WORKERS = setting('workers', 'BENCH_CHAT_WORKERS', 2);
const TEXT_BYTES = setting('text-bytes', 'BENCH_CHAT_TEXT_BYTES', 100);
const TARGETS = (flags.targets ?? process.env.BENCH_CHAT_TARGETS ?? 'nexus,socketio').split(',');
// 1: the Socket.IO peer gathers its inserts as the Nexus gateway gathers its API calls (socketio-server.mjs).
const SIO_GROUP_COMMIT = setting('sio-group-commit', 'BENCH_CHAT_SIO_GROUP_COMMIT', 0) === 1;
// A directory: the API and the Nexus gateways write V8 CPU profiles there (on a clean exit; see bench/README.md).
const CPU_PROFILE_DIR = flags['cpu-prof'] ?? process.env.BENCH_CHAT_CPU_PROF;
// Every server process collects its garbage on SIGUSR2 (bench/chat/gc-on-signal.mjs), before memory is read.
const NODE_OPTIONS = [`--import=${path.join(HERE, 'gc-on-signal.mjs')}`, ...(CPU_PROFILE_DIR ? [`--import=${path.join(HERE, 'cpu-profile.mjs')}`] : [])].join(' ');
const profiling = { NODE_OPTIONS, ...(CPU_PROFILE_DIR ? { BENCH_CPU_PROFILE_DIR: path.resolve(CPU_PROFILE_DIR) } : {}) };
const STORM_BEFORE_S = 3;
const STORM_AFTER_S = 3;

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();
const kb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 1/100 s
};
const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const round = (value, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

/** Runs `task` over `items` with at most `limit` at once. */
async function pool(items, limit, task) {
  let next = 0;
  const out = new Array(items.length);
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await task(items[index], index);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------- the stack and the data

log(`bench:chat — ${CLIENTS} clients, rooms of ${ROOM_SIZE}, ${SECONDS} s per measurement, ${WORKERS} client processes, targets ${TARGETS.join(', ')}${SIO_GROUP_COMMIT ? ' (the Socket.IO peer gathering its inserts)' : ''}`);
/** What to stop if the run is interrupted (Ctrl-C, SIGTERM): servers, client processes, the API and its database. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    log(`\n${signal}: stopping what the bench started`);
    await Promise.allSettled([...running].map((stop) => stop()));
    await api?.stop().catch(() => {});
    process.exit(130);
  });
}
let api;
api = await startApi({
  env: { LOG_LEVEL: 'error', LOGIN_LIMIT_PER_IP: '100000000', ACCESS_TOKEN_TTL_SECONDS: '3600', ...(CPU_PROFILE_DIR ? profiling : {}) },
});
const db = new pg.Client({ connectionString: api.env.DATABASE_URL });
await db.connect();
const results = { startedAt: new Date().toISOString(), settings: { CLIENTS, ROOM_SIZE, SECONDS, BIG_SENDERS, STORM_RATE, WORKERS, TEXT_BYTES, TARGETS, SIO_GROUP_COMMIT }, targets: {} };

try {
  const started = now();
  // Users with the first admin's password (hash copied: bench data, set-based), then a real login each.
  await insertBenchUsers(db, api.admin.email, CLIENTS);
  const users = await pool(
    Array.from({ length: CLIENTS }, (_, i) => i),
    8,
    async (i) => {
      const response = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench-${i + 1}@bench.invalid`, password: api.admin.password }),
      });
      if (!response.ok) throw new Error(`login ${i + 1}: ${response.status} ${await response.text()}`);
      const { accessToken } = await response.json();
      const { sub } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
      return { index: i, id: sub, token: accessToken, urlIndex: i % 2 };
    },
  );
  // Conversations and members (set-based; the API reads them as it reads any).
  const { rows: big } = await db.query(`insert into conversations (title) values ('Everyone') returning id`);
  const bigRoom = big[0].id;
  const roomCount = Math.ceil(CLIENTS / ROOM_SIZE);
  const { rows: smallRows } = await db.query(`insert into conversations (title) select 'Room ' || i from generate_series(1, $1::int) as i returning id`, [roomCount]);
  const smallRooms = smallRows.map((row) => row.id);
  const userIds = users.map((user) => user.id);
  await db.query(`insert into conversation_members (conversation_id, user_id) select $1, unnest($2::uuid[])`, [bigRoom, userIds]);
  await db.query(`insert into conversation_members (conversation_id, user_id) select unnest($1::uuid[]), unnest($2::uuid[])`, [
    userIds.map((_, i) => smallRooms[Math.floor(i / ROOM_SIZE)]),
    userIds,
  ]);
  // The Socket.IO peer's own counters and messages, on the same conversations.
  await db.query(`
    create table bench_sio_conversations (id uuid primary key, last_seq integer not null default 0);
    create table bench_sio_messages (
      id uuid primary key default gen_random_uuid(),
      conversation_id uuid not null references bench_sio_conversations (id),
      seq integer not null,
      author_id uuid not null,
      text text not null,
      client_message_id uuid not null,
      created_at timestamptz not null default date_trunc('milliseconds', now())
    );
    create unique index bench_sio_messages_seq_key on bench_sio_messages (conversation_id, seq);
    create unique index bench_sio_messages_client_id_key on bench_sio_messages (conversation_id, author_id, client_message_id);
    insert into bench_sio_conversations (id) select id from conversations;`);
  log(`setup: ${CLIENTS} users logged in, 1 room of ${CLIENTS} and ${roomCount} rooms of ≤${ROOM_SIZE} (${round((now() - started) / 1000)} s)`);

  const memberships = users.map((user) => [user.index, smallRooms[Math.floor(user.index / ROOM_SIZE)]]);
  const smallSenders = smallRooms.map((_, r) => [r * ROOM_SIZE, smallRooms[r]]);
  const bigSenders = Array.from({ length: Math.min(BIG_SENDERS, CLIENTS) }, (_, i) => [Math.floor((i * CLIENTS) / BIG_SENDERS), bigRoom]);

  for (const target of TARGETS) {
    log(`\n— ${target}`);
    results.targets[target] = await runTarget(target, { users, bigRoom, smallRooms, memberships, smallSenders, bigSenders });
  }
} finally {
  await db.end();
  await api.stop();
}

report(results);

// ---------------------------------------------------------------- one side

async function startServers(target) {
  if (target === 'nexus') {
    // The per-connection frame rate limit is raised (an echo sender sends as fast as its messages come back); all else is the default.
    const env = { LOG_LEVEL: 'error', CHAT_RATE_PER_SECOND: '10000', CHAT_RATE_BURST: '10000', ...profiling };
    const metricsPorts = [await freePort(), await freePort()];
    const gateways = await Promise.all(metricsPorts.map((port) => startChatGateway(api, { env: { ...env, CHAT_METRICS_PORT: String(port) } })));
    return gateways.map((gateway, i) => ({
      url: gateway.url,
      pid: gateway.pid,
      output: gateway.output,
      // Where the memory is: V8 heap in use and memory outside it (Buffers, sockets' native parts), from the gateway's metrics.
      memory: async () => {
        const text = await (await fetch(`http://127.0.0.1:${metricsPorts[i]}/metrics`)).text();
        const value = (name) => Number(new RegExp(`^nexus_chat_${name}(?:\\{[^}]*\\})? ([0-9.e+]+)`, 'm').exec(text)?.[1] ?? NaN) / 1024;
        return { heapUsedKb: value('nodejs_heap_size_used_bytes'), externalKb: value('nodejs_external_memory_bytes') };
      },
      kill: () => gateway.stop('SIGKILL'),
      stop: () => gateway.stop(),
    }));
  }
  return Promise.all(
    [0, 1].map(async () => {
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(HERE, 'socketio-server.mjs')], {
        env: {
          PATH: process.env.PATH,
          PORT: String(port),
          DATABASE_URL: api.env.DATABASE_URL,
          REDIS_URL: api.env.REDIS_URL,
          REDIS_KEY_PREFIX: api.env.REDIS_KEY_PREFIX,
          API_URL: api.baseUrl,
          SIO_GROUP_COMMIT: SIO_GROUP_COMMIT ? '1' : '0',
          NODE_OPTIONS,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      for (let i = 0; ; i += 1) {
        if (child.exitCode !== null) throw new Error('socket.io server exited during start');
        if (await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false)) break;
        if (i > 200) throw new Error('socket.io server not ready within 30 s');
        await sleep(150);
      }
      const stop = async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited;
      };
      return { url: `http://127.0.0.1:${port}`, pid: child.pid, output: () => output, kill: () => stop('SIGKILL'), stop };
    }),
  );
}

function startWorkers(target, users, urls) {
  return Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      const child = fork(path.join(HERE, 'clients.mjs'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let nextId = 0;
      const waiting = new Map();
      child.on('message', ({ id, result, error }) => {
        const entry = waiting.get(id);
        waiting.delete(id);
        if (error) entry?.reject(new Error(`client worker ${w}: ${error}`));
        else entry?.resolve(result);
      });
      child.on('exit', (code) => {
        for (const entry of waiting.values()) entry.reject(new Error(`client worker ${w} exited with ${code}`));
      });
      const call = (cmd, args = {}) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          child.send({ id, cmd, ...args });
        });
      const mine = users.filter((user) => user.index % WORKERS === w);
      await call('init', { protocol: target, urls, users: mine, textBytes: TEXT_BYTES });
      return { call, owns: (index) => index % WORKERS === w, kill: () => child.kill('SIGKILL') };
    }),
  );
}

async function runTarget(target, { users, bigRoom, smallRooms, memberships, smallSenders, bigSenders }) {
  const servers = await startServers(target);
  for (const server of servers) running.add(server.kill);
  const pids = servers.map((server) => server.pid);
  const workers = await startWorkers(target, users, servers.map((server) => server.url));
  for (const worker of workers) running.add(worker.kill);
  const all = (cmd, args) => Promise.all(workers.map((worker) => worker.call(cmd, args)));
  const each = (cmd, pairs, name, extra = {}) => Promise.all(workers.map((worker) => worker.call(cmd, { [name]: pairs.filter(([index]) => worker.owns(index)), ...extra })));
  const out = {};
  try {
    // Idle memory per connection: the RSS added by the last 90 % of the clients (connected, joined, quiet), after the first
    // 10 % warmed the servers up (code paths compiled, pools filled), so that one-off start-up costs are not counted.
    const warm = Math.max(1, Math.floor(CLIENTS / 10));
    const connectAndJoin = async (from, to) => {
      const connected = await all('connect', { concurrency: 50, from, to });
      const joined = await each('join', memberships.filter(([index]) => index >= from && index < to), 'memberships', { concurrency: 50 });
      return {
        connectMs: Math.max(...connected.map((r) => r.ms)),
        connectFailures: connected.reduce((sum, r) => sum + r.failures, 0),
        joinMs: Math.max(...joined.map((r) => r.ms)),
        joinFailures: joined.reduce((sum, r) => sum + r.failures, 0),
        firstFailures: [...connected, ...joined].flatMap((r) => r.firstFailures),
      };
    };
    const first = await connectAndJoin(0, warm);
    // Garbage collected (SIGUSR2, bench/chat/gc-on-signal.mjs), then memory read.
    const settle = async () => {
      for (const pid of pids) process.kill(pid, 'SIGUSR2');
      await sleep(2000);
    };
    await sleep(3000);
    await settle();
    const rssStart = pids.map(kb);
    const memoryOf = () => Promise.all(servers.map((server) => server.memory?.() ?? null));
    const memoryStart = await memoryOf();
    const rest = await connectAndJoin(warm, CLIENTS);
    const connectFailures = first.connectFailures + rest.connectFailures;
    const joinFailures = first.joinFailures + rest.joinFailures;
    log(
      `connected ${CLIENTS - connectFailures}/${CLIENTS} (the last ${CLIENTS - warm} in ${round(rest.connectMs / 1000)} s), ` +
        `joined ${CLIENTS - joinFailures} to their small room (the last in ${round(rest.joinMs / 1000)} s)` +
        (connectFailures + joinFailures ? ` — ${[...first.firstFailures, ...rest.firstFailures].slice(0, 3).join('; ')}` : ''),
    );
    await sleep(3000);
    const rssBeforeGc = pids.map(kb);
    await settle();
    const rssIdle = pids.map(kb);
    const memoryIdle = await memoryOf();
    const added = CLIENTS - warm - rest.connectFailures;
    const rssPerConnectionKb = (rssIdle[0] + rssIdle[1] - rssStart[0] - rssStart[1]) / added;
    const perAdded = (key) => (memoryStart[0] ? round((memoryIdle[0][key] + memoryIdle[1][key] - memoryStart[0][key] - memoryStart[1][key]) / added) : undefined);
    out.idle = { rssBeforeGcPerConnectionKb: round((rssBeforeGc[0] + rssBeforeGc[1] - rssStart[0] - rssStart[1]) / added), heapUsedPerConnectionKb: perAdded('heapUsedKb'), externalPerConnectionKb: perAdded('externalKb'), warmConnections: warm, rssWarmKb: rssStart, addedConnections: added, rssIdleKb: rssIdle, rssPerConnectionKb: round(rssPerConnectionKb), connectFailures, joinFailures, connectSeconds: round(rest.connectMs / 1000, 2), joinSeconds: round(rest.joinMs / 1000, 2) };
    log(`idle: RSS ${rssStart.map((v) => round(v / 1024)).join(' + ')} MB with ${warm} clients → ${rssIdle.map((v) => round(v / 1024)).join(' + ')} MB with ${warm + added}: ${round(rssPerConnectionKb)} KB per added connection` +
        (out.idle.heapUsedPerConnectionKb !== undefined ? ` (V8 heap in use ${out.idle.heapUsedPerConnectionKb} KB, external ${out.idle.externalPerConnectionKb} KB)` : ''));

    await quiet();
    out.smallRooms = await deliveryPhase('small rooms', smallSenders);

    const bigJoin = await each('join', users.map((user) => [user.index, bigRoom]), 'memberships', { concurrency: 50 });
    const bigJoinFailures = bigJoin.reduce((sum, r) => sum + r.failures, 0);
    log(`joined ${CLIENTS - bigJoinFailures}/${CLIENTS} to the room of everyone in ${round(Math.max(...bigJoin.map((r) => r.ms)) / 1000)} s`);
    await drain();
    await quiet();
    out.oneRoom = await deliveryPhase('one room', bigSenders);
    out.oneRoom.joinFailures = bigJoinFailures;
    await all('leave', { conversationIds: [bigRoom] });
    await drain();
    out.quietBeforeStormSeconds = await quiet();

    out.storm = await storm();
  } finally {
    await all('close').catch(() => {});
    for (const worker of workers) worker.kill();
    for (const worker of workers) running.delete(worker.kill);
    for (const server of servers) running.delete(server.kill);
    await Promise.all(servers.map((server) => server.stop()));
    // The servers' own complaints (LOG_LEVEL=error), for reading next to the figures.
    for (const [i, server] of servers.entries()) {
      const lines = server.output().split('\n').filter((line) => line.trim() && !/listening/.test(line));
      const errors = lines.flatMap((line) => {
        try {
          const entry = JSON.parse(line);
          return [`${entry.msg}${entry.err ? `: ${entry.err.message}` : ''}`];
        } catch {
          return /^\s+(Chat|Metrics)\s/.test(line) ? [] : [line.slice(0, 300)];
        }
      });
      const counts = [...errors.reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map())];
      if (counts.length) log(`${target} instance ${i} logged: ${counts.slice(0, 5).map(([line, n]) => `${n} × ${line}`).join('; ')}`);
      out[`instance${i}Log`] = Object.fromEntries(counts.slice(0, 20));
    }
  }
  return out;

  /**
   * Waits until the servers (and Nexus's API) are done with what came before — a phase starts on an idle stack,
   * not on the backlog of the last one (joins that timed out in the bench are still being answered): less than
   * 10 % of a core over a second, at most 120 s. Returns the seconds waited.
   */
  async function quiet() {
    const started = now();
    const watched = target === 'nexus' ? [...pids, api.pid] : pids;
    while (now() - started < 120_000) {
      const before = watched.map(cpuMs);
      await sleep(1000);
      const used = watched.map(cpuMs).reduce((sum, v, i) => sum + v - before[i], 0);
      if (used < 100) break;
    }
    return round((now() - started) / 1000);
  }

  /** Waits until no delivery arrived for 1.5 s (at most 30 s). */
  async function drain() {
    let last = -1;
    let quietSince = now();
    const deadline = now() + 30_000;
    while (now() < deadline) {
      const stats = await all('stats');
      const total = stats.reduce((sum, s) => sum + s.delivered, 0);
      if (total !== last) {
        last = total;
        quietSince = now();
      } else if (now() - quietSince > 1500) return stats;
      await sleep(250);
    }
    return all('stats');
  }

  async function deliveryPhase(name, senders) {
    await all('record', { latency: true, counts: false });
    // Nexus's servers are the gateways and the API behind them; Socket.IO's are its two instances (the API only issued the tokens).
    const cpuPids = target === 'nexus' ? [...pids, api.pid] : pids;
    const cpuStart = cpuPids.map(cpuMs);
    const startedAt = now();
    const sent = await each('echo', senders, 'senders', { seconds: SECONDS });
    await drain();
    const collected = await all('collect');
    const cpuUsed = cpuPids.map(cpuMs).map((v, i) => v - cpuStart[i]);
    const lastDelivery = Math.max(...collected.map((c) => c.lastDeliveryAt));
    const delivered = collected.reduce((sum, c) => sum + c.delivered, 0);
    const samples = new Float64Array(collected.reduce((sum, c) => sum + c.samples.length, 0));
    let offset = 0;
    for (const c of collected) {
      samples.set(c.samples, offset);
      offset += c.samples.length;
    }
    samples.sort();
    const seconds = (lastDelivery - startedAt) / 1000;
    const messages = sent.reduce((sum, s) => sum + s.sent, 0);
    const result = {
      senders: senders.length,
      messagesSent: messages,
      echoTimeouts: sent.reduce((sum, s) => sum + s.timeouts, 0),
      delivered,
      seconds: round(seconds, 2),
      deliveredPerSecond: Math.round(delivered / seconds),
      p50Ms: round(percentile(samples, 50), 2),
      p99Ms: round(percentile(samples, 99), 2),
      maxMs: round(samples.at(-1), 1),
      serverCpuMsPerThousandDeliveries: round((cpuUsed.reduce((sum, v) => sum + v, 0) / delivered) * 1000),
      serverCpuMsPerProcess: cpuUsed,
      errorFrames: collected.reduce((sum, c) => sum + c.errorFrames, 0),
      errorCodes: collected.map((c) => c.errorCodes),
    };
    log(
      `${name}: ${messages} messages by ${senders.length} senders → ${delivered} deliveries in ${result.seconds} s = ${result.deliveredPerSecond}/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, server CPU ${result.serverCpuMsPerThousandDeliveries} ms per 1000 deliveries` +
        (result.errorFrames ? `, ${result.errorFrames} error frames ${JSON.stringify(result.errorCodes)}` : '') +
        (result.echoTimeouts ? `, ${result.echoTimeouts} echoes timed out` : ''),
    );
    return result;
  }

  async function storm() {
    const table = target === 'nexus' ? 'conversations' : 'bench_sio_conversations';
    const seqs = async () => Object.fromEntries((await db.query(`select id, last_seq from ${table} where id = any($1::uuid[])`, [smallRooms])).rows.map((row) => [row.id, row.last_seq]));
    const from = await seqs();
    if (CPU_PROFILE_DIR && servers[0].pid) {
      // Instance 0 is SIGKILLed below and would write no profile: it writes what it has now (bench/chat/cpu-profile.mjs).
      process.kill(servers[0].pid, 'SIGHUP');
      await sleep(2000);
    }
    await all('record', { latency: false, counts: true });
    const intervalMs = (smallSenders.length / STORM_RATE) * 1000;
    await each('flow', smallSenders, 'senders', { intervalMs });
    await sleep(STORM_BEFORE_S * 1000);
    const killedAt = now();
    await servers[0].kill();
    log(`storm: killed instance 0 (SIGKILL) under ${Math.ceil(CLIENTS / 2)} clients while ${smallSenders.length} senders send ${STORM_RATE} messages/s in all`);
    const deadline = now() + 120_000;
    let stats;
    for (;;) {
      stats = await all('stats');
      if (stats.every((s) => s.notRejoined === 0) || now() > deadline) break;
      await sleep(100);
    }
    const rejoinSeenS = (now() - killedAt) / 1000;
    await sleep(STORM_AFTER_S * 1000);
    const stopped = await all('stopFlow');
    // Every send acknowledged (resent after reconnects), then quiet.
    const pendingDeadline = now() + 60_000;
    while (now() < pendingDeadline && (await all('stats')).some((s) => s.pending > 0)) await sleep(250);
    const finalStats = await drain();
    const to = await seqs();
    const ranges = Object.fromEntries(smallRooms.map((id) => [id, { from: from[id], to: to[id] }]));
    const books = await all('storm', { ranges, killedAt });
    const sum = (key) => books.reduce((total, b) => total + b[key], 0);
    const result = {
      killedClients: sum('affected'),
      stored: smallRooms.reduce((total, id) => total + to[id] - from[id], 0),
      sent: stopped.reduce((total, s) => total + s.sent, 0),
      unacknowledged: finalStats.reduce((total, s) => total + s.pending, 0),
      rejoinedSeconds: round(Math.max(...books.map((b) => b.lastRejoinMs)) / 1000, 2),
      rejoinSeenSeconds: round(rejoinSeenS, 2),
      notRejoined: stats.reduce((total, s) => total + s.notRejoined, 0),
      recoveredByServer: sum('recovered'),
      expectedDeliveries: sum('expected'),
      received: sum('received'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      lostExamples: books.flatMap((b) => b.lostExamples).slice(0, 5),
    };
    log(
      `storm: ${result.killedClients} clients reconnected, all rejoined after ${result.rejoinedSeconds} s; ${result.stored} messages stored, ` +
        `${result.expectedDeliveries} deliveries expected, ${result.lost} lost, ${result.duplicated} duplicated` +
        (target === 'socketio' ? `, ${result.recoveredByServer} sessions recovered by connection-state recovery` : '') +
        (result.unacknowledged ? `, ${result.unacknowledged} sends never acknowledged` : ''),
    );
    return result;
  }
}

// ---------------------------------------------------------------- the table

function report(results) {
  const nexus = results.targets.nexus;
  const sio = results.targets.socketio;
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? round(a / b, 2) : '—');
  const rows = [];
  const row = (metric, n, s, r, target, ok) => rows.push({ metric, nexus: n ?? '—', socketio: s ?? '—', ratio: r ?? '—', target, met: ok === undefined ? '—' : ok ? 'yes' : 'NO' });
  for (const [label, key] of [['one room', 'oneRoom'], ['small rooms', 'smallRooms']]) {
    const n = nexus?.[key];
    const s = sio?.[key];
    const msgRatio = ratio(n?.deliveredPerSecond, s?.deliveredPerSecond);
    const p99Ratio = ratio(n?.p99Ms, s?.p99Ms);
    row(`${label}: deliveries/s`, n?.deliveredPerSecond, s?.deliveredPerSecond, msgRatio, '≥ 1.0×', typeof msgRatio === 'number' ? msgRatio >= 1 : undefined);
    row(`${label}: p50 ms`, n?.p50Ms, s?.p50Ms, ratio(n?.p50Ms, s?.p50Ms), '', undefined);
    row(`${label}: p99 ms`, n?.p99Ms, s?.p99Ms, p99Ratio, '≤ 1.0×', typeof p99Ratio === 'number' ? p99Ratio <= 1 : undefined);
  }
  const n = nexus?.idle?.rssPerConnectionKb;
  row('RSS per idle connection, KB', n, sio?.idle?.rssPerConnectionKb, ratio(n, sio?.idle?.rssPerConnectionKb), '≤ 30 KB', n === undefined ? undefined : n <= 30);
  row('storm: s until all rejoined', nexus?.storm?.rejoinedSeconds, sio?.storm?.rejoinedSeconds, ratio(nexus?.storm?.rejoinedSeconds, sio?.storm?.rejoinedSeconds), '', undefined);
  row('storm: lost', nexus?.storm?.lost, sio?.storm?.lost, '', '0', nexus?.storm ? nexus.storm.lost === 0 : undefined);
  row('storm: duplicated', nexus?.storm?.duplicated, sio?.storm?.duplicated, '', '0', nexus?.storm ? nexus.storm.duplicated === 0 : undefined);
  log(`\nbench:chat — ${CLIENTS} clients, two instances each side (ratio = Nexus / Socket.IO)\n`);
  const columns = ['metric', 'nexus', 'socketio', 'ratio', 'target', 'met'];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  log(line(columns));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(line(columns.map((c) => r[c])));
  results.table = rows;
  const dir = path.join(HERE, '../results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `chat-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n${path.relative(process.cwd(), file)}`);
}
