// Where a chat gateway's memory per idle connection goes (bench/README.md, bench:chat, "Memory per
// idle connection"): one API and one gateway as bench:chat starts them, `--warm` (200) then
// `--clients` (2,000) idle clients (bench/chat/clients.mjs) each joined to its room of 10. At each
// step it reads the gateway as bench:chat does (3 s of quiet, a full GC, 2 s), then again 12 s
// later after another GC; the figures printed are per added connection.
//
//   flock /work/bench.lock node bench/chat/idle-memory.mjs [--clients=2000] [--warm=200] [--snapshots=DIR]
//
// --snapshots=DIR also writes a heap snapshot at each step into DIR and prints their difference
// (bench/chat/heap-diff.mjs). Writing a snapshot grows the gateway's RSS: take RSS from a run
// without it.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startApi, startChatGateway } from '../../scripts/lib/test-stack.mjs';
import { perConnection, summarize } from './heap-diff.mjs';
import { insertBenchUsers } from './bench-users.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).flatMap((arg) => (/^--([\w-]+)=(.*)$/.exec(arg) ? [[RegExp.$1, RegExp.$2]] : [])));
const CLIENTS = Number(flags.clients ?? 2000);
const WARM = Number(flags.warm ?? 200);
const SNAPSHOTS = flags.snapshots ? path.resolve(flags.snapshots) : undefined;
const ROOM_SIZE = 10;
const probeDir = SNAPSHOTS ?? mkdtempSync(path.join(tmpdir(), 'idle-memory-'));
mkdirSync(probeDir, { recursive: true });

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

const api = await startApi({ env: { LOG_LEVEL: 'error', LOGIN_LIMIT_PER_IP: '100000000', ACCESS_TOKEN_TTL_SECONDS: '3600' } });
const db = new pg.Client({ connectionString: api.env.DATABASE_URL });
await db.connect();
let gateway;
let worker;
try {
  // Users, logins and rooms as bench/chat/run.mjs makes them.
  await insertBenchUsers(db, api.admin.email, CLIENTS);
  const users = [];
  for (let next = 0; next < CLIENTS; ) {
    const batch = Array.from({ length: Math.min(8, CLIENTS - next) }, (_, k) => next + k);
    next += batch.length;
    users.push(...(await Promise.all(batch.map(async (i) => {
      const response = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench-${i + 1}@bench.invalid`, password: api.admin.password }),
      });
      if (!response.ok) throw new Error(`login ${i + 1}: ${response.status}`);
      const { accessToken } = await response.json();
      const { sub } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString());
      return { index: i, id: sub, token: accessToken, urlIndex: 0 };
    }))));
  }
  const { rows } = await db.query(`insert into conversations (title) select 'Room ' || i from generate_series(1, $1::int) as i returning id`, [Math.ceil(CLIENTS / ROOM_SIZE)]);
  const roomOf = (user) => rows[Math.floor(user.index / ROOM_SIZE)].id;
  await db.query(`insert into conversation_members (conversation_id, user_id) select unnest($1::uuid[]), unnest($2::uuid[])`, [users.map(roomOf), users.map((user) => user.id)]);

  gateway = await startChatGateway(api, { env: { LOG_LEVEL: 'error', MEMORY_PROBE_DIR: probeDir, NODE_OPTIONS: `--import=${path.join(HERE, 'memory-probe.mjs')}` } });
  worker = fork(path.join(HERE, 'clients.mjs'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 0;
  const waiting = new Map();
  worker.on('message', ({ id, result, error }) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (error) entry.reject(new Error(error));
    else entry.resolve(result);
  });
  const call = (cmd, args = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    worker.send({ id, cmd, ...args });
  });
  await call('init', { protocol: 'nexus', urls: [gateway.url], users, textBytes: 100 });

  /** Sends `signal` to the gateway and waits for the file it writes. */
  const probe = async (signal, prefix) => {
    const before = new Set(readdirSync(probeDir));
    process.kill(gateway.pid, signal);
    for (let i = 0; i < 2400; i++) {
      const file = readdirSync(probeDir).find((name) => name.startsWith(prefix) && !name.endsWith('.partial') && !before.has(name));
      if (file) return path.join(probeDir, file);
      await sleep(50);
    }
    throw new Error(`no ${prefix} file from the gateway`);
  };
  const read = async () => {
    process.kill(gateway.pid, 'SIGUSR2');
    await sleep(2000);
    const rss = rssKb(gateway.pid);
    return { rss, ...JSON.parse(readFileSync(await probe('SIGWINCH', 'stats-'), 'utf8')) };
  };

  const steps = [];
  for (const [from, to] of [[0, WARM], [WARM, CLIENTS]]) {
    const connected = await call('connect', { concurrency: 50, from, to });
    const joined = await call('join', { memberships: users.slice(from, to).map((user) => [user.index, roomOf(user)]), concurrency: 50 });
    if (connected.failures || joined.failures) throw new Error(`${connected.failures} connects and ${joined.failures} joins failed: ${[...connected.firstFailures, ...joined.firstFailures].join('; ')}`);
    await sleep(3000);
    const atBenchReading = await read();
    await sleep(10_000);
    const later = await read();
    const snapshot = SNAPSHOTS ? await probe('SIGHUP', 'snapshot-') : undefined;
    steps.push({ clients: to, atBenchReading, later, snapshot });
  }

  const [warm, full] = steps;
  const added = full.clients - warm.clients;
  const per = (a, b) => ((b - a) / added).toFixed(1);
  const kb = (a, b) => ((b - a) / 1024 / added).toFixed(1);
  log(`one gateway, ${warm.clients} → ${full.clients} idle clients in rooms of ${ROOM_SIZE}; per added connection${SNAPSHOTS ? ' (RSS includes the first snapshot\'s writing)' : ''}:`);
  for (const moment of ['atBenchReading', 'later']) {
    const [a, b] = [warm[moment], full[moment]];
    log(
      `  ${moment === 'later' ? '12 s later, after another GC' : 'as bench:chat reads it (3 s, GC, 2 s)'}: RSS ${per(a.rss, b.rss)} KB, ` +
        `heap in use ${kb(a.memory.heapUsed, b.memory.heapUsed)} KB, old space committed ${kb(a.spaces.old_space.committed, b.spaces.old_space.committed)} KB ` +
        `(used ${kb(a.spaces.old_space.used, b.spaces.old_space.used)}), new space committed ${(b.spaces.new_space.committed / 2 ** 20).toFixed(1)} MB at ${full.clients} (${(a.spaces.new_space.committed / 2 ** 20).toFixed(1)} at ${warm.clients})`,
    );
  }
  if (SNAPSHOTS) {
    const rows = perConnection(summarize(warm.snapshot).byKind, summarize(full.snapshot).byKind, added);
    log(`\nheap snapshots (${warm.snapshot}, ${full.snapshot}): ${Math.round(rows.reduce((sum, row) => sum + row.bytes, 0))} B of self size per added connection; the largest:`);
    for (const row of rows.slice(0, 20)) log(`${row.bytes.toFixed(0).padStart(7)} B ${row.count.toFixed(2).padStart(6)} × ${row.key}`);
    log(`(node bench/chat/heap-diff.mjs ${warm.snapshot} ${full.snapshot} ${added} for all of it and the closures)`);
  }
  await call('close').catch(() => {});
} finally {
  worker?.kill('SIGKILL');
  await gateway?.stop().catch(() => {});
  await db.end();
  await api.stop();
}
