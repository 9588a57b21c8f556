// node bench/chat/api-calls.mjs — the API's CPU per chat call, alone: what the gateways ask of it in bench:chat.
// See bench/README.md.
//
//   --users=200          users, in rooms of --room-size (10), each logged in
//   --seconds=4          seconds per phase
//   --rounds=5           rounds (every phase of every API once per round; medians reported)
//   --concurrency=20     calls in flight (as many gateway sockets)
//   --phases=post,membership,me,replay
//   --against=DIR        also start the API of another checkout (e.g. a worktree of main) and alternate
//                        the phases between the two, so that both see the same moments of a shared machine
//   --cpu-prof=DIR       the API(s) write V8 CPU profiles into DIR when they stop
//
// Each API gets a fresh database on the local PostgreSQL and the local Redis, LOG_LEVEL=error (as in
// bench:chat), and is called over keep-alive node:http sockets with each user's own token, as the
// gateway's SDK calls it. A phase's figure is the API process's CPU time (user + system,
// /proc/<pid>/stat) over the calls it answered: PostgreSQL's and Redis's CPU are not in it.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { REPO_ROOT, startApi } from '../../scripts/lib/test-stack.mjs';
import { insertBenchUsers } from './bench-users.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).flatMap((arg) => (/^--([\w-]+)=(.*)$/.exec(arg) ? [[RegExp.$1, RegExp.$2]] : [])));
const USERS = Number(flags.users ?? 200);
const ROOM_SIZE = Number(flags['room-size'] ?? 10);
const SECONDS = Number(flags.seconds ?? 4);
const ROUNDS = Number(flags.rounds ?? 5);
const CONCURRENCY = Number(flags.concurrency ?? 20);
const PHASES = (flags.phases ?? 'post,membership,me,replay').split(',');
const AGAINST = flags.against ? path.resolve(flags.against) : undefined;
const CPU_PROFILE_DIR = flags['cpu-prof'];

const log = (line) => process.stdout.write(`${line}\n`);
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, 1/100 s
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ENV = {
  LOG_LEVEL: 'error',
  LOGIN_LIMIT_PER_IP: '100000000',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  ...(CPU_PROFILE_DIR ? { NODE_OPTIONS: `--import=${path.join(HERE, 'cpu-profile.mjs')}`, BENCH_CPU_PROFILE_DIR: path.resolve(CPU_PROFILE_DIR) } : {}),
};

/** One call over a keep-alive agent; resolves with the status (the body is read and dropped). */
function call(target, method, pathname, token, body) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname: target.hostname, port: target.port, method, path: pathname, headers, agent: target.agent }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/** Starts the API of the checkout at `root` and gives it users (logged in through the API) in rooms. */
async function startTarget(name, root) {
  const start = root === REPO_ROOT ? startApi : (await import(pathToFileURL(path.join(root, 'scripts/lib/test-stack.mjs')).href)).startApi;
  const api = await start({ env: ENV });
  const { hostname, port } = new URL(api.baseUrl);
  const target = { name, root, api, hostname, port, agent: new http.Agent({ keepAlive: true, scheduling: 'lifo' }), users: [] };
  const db = new pg.Client({ connectionString: api.env.DATABASE_URL });
  await db.connect();
  try {
    await insertBenchUsers(db, api.admin.email, USERS);
    for (let i = 0; i < USERS; i++) {
      const response = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `bench-${i + 1}@bench.invalid`, password: api.admin.password }),
      });
      if (!response.ok) throw new Error(`${name}: login ${i + 1}: ${response.status} ${await response.text()}`);
      const { accessToken } = await response.json();
      target.users.push({ token: accessToken, id: JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sub });
    }
    const rooms = (
      await db.query(`insert into conversations (title) select 'Room ' || i from generate_series(1, $1::int) as i returning id`, [Math.ceil(USERS / ROOM_SIZE)])
    ).rows.map((row) => row.id);
    await db.query(`insert into conversation_members (conversation_id, user_id) select unnest($1::uuid[]), unnest($2::uuid[])`, [
      target.users.map((_, i) => rooms[Math.floor(i / ROOM_SIZE)]),
      target.users.map((user) => user.id),
    ]);
    target.users.forEach((user, i) => (user.room = rooms[Math.floor(i / ROOM_SIZE)]));
  } finally {
    await db.end();
  }
  return target;
}

const CALLS = {
  post: (t, user) => call(t, 'POST', `/api/conversations/${user.room}/messages`, user.token, { text: 'x'.repeat(100), clientMessageId: randomUUID() }),
  membership: (t, user) => call(t, 'GET', `/api/conversations/${user.room}/membership`, user.token),
  me: (t, user) => call(t, 'GET', '/api/auth/me', user.token),
  // A catch-up after a reconnect: the first 20 messages of the room (the post phase has stored them).
  replay: (t, user) => call(t, 'GET', `/api/conversations/${user.room}/messages?after=0&limit=20`, user.token),
};
const EXPECTED = { post: 201, membership: 200, me: 200, replay: 200 };

/** `CONCURRENCY` callers, each calling as soon as its last call was answered, for `SECONDS`. */
async function phase(target, name) {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  let next = 0;
  const cpuBefore = cpuMs(target.api.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const status = await CALLS[name](target, target.users[next++ % target.users.length]);
        if (status !== EXPECTED[name]) throw new Error(`${target.name} ${name}: status ${status}`);
        done += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { calls: done, perSecond: done / seconds, cpuUsPerCall: ((cpuMs(target.api.pid) - cpuBefore) * 1000) / done };
}

const targets = [];
const results = {};
const startedAt = new Date().toISOString();
try {
  targets.push(await startTarget('this', REPO_ROOT));
  if (AGAINST) targets.push(await startTarget('against', AGAINST));
  log(`setup: ${targets.map((t) => `${t.name} = ${t.root}`).join(', ')}; ${USERS} users each, rooms of ≤${ROOM_SIZE}; ${CONCURRENCY} calls in flight, ${SECONDS} s × ${ROUNDS} rounds`);
  // Every token verified once and every path warm, as in a running chat, before anything is counted.
  for (const target of targets) for (const name of PHASES) for (const user of target.users) await CALLS[name](target, user);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of PHASES) {
      // Alternating which API goes first, so that neither always follows the other's phase.
      for (const target of round % 2 ? targets : [...targets].reverse()) {
        const result = await phase(target, name);
        ((results[target.name] ??= {})[name] ??= []).push(result);
        log(`round ${round} ${target.name.padEnd(7)} ${name.padEnd(10)} ${String(result.calls).padStart(6)} calls  ${result.perSecond.toFixed(0).padStart(5)}/s  ${result.cpuUsPerCall.toFixed(0).padStart(5)} µs CPU/call`);
      }
    }
  }
} finally {
  for (const target of targets) {
    target.agent.destroy();
    await target.api.stop();
  }
}

const resultsDir = path.join(HERE, '../results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `chat-api-${startedAt.replaceAll(':', '-').replace('.', '-')}.json`);
const settings = { USERS, ROOM_SIZE, SECONDS, ROUNDS, CONCURRENCY, PHASES, AGAINST };
writeFileSync(file, `${JSON.stringify({ startedAt, settings, targets: Object.fromEntries(targets.map((t) => [t.name, t.root])), rounds: results }, null, 2)}\n`);
const cpu = (name, phaseName) => median(results[name][phaseName].map((r) => r.cpuUsPerCall));
const rate = (name, phaseName) => median(results[name][phaseName].map((r) => r.perSecond));
log(`\n${path.relative(process.cwd(), file)}; medians over ${ROUNDS} rounds:`);
log(`| call | ${targets.map((t) => `${t.name}: calls/s | ${t.name}: API CPU µs/call`).join(' | ')}${AGAINST ? ' | CPU this ÷ against' : ''} |`);
log(`|---|${targets.map(() => '---|---|').join('')}${AGAINST ? '---|' : ''}`);
for (const name of PHASES) {
  const cells = targets.map((t) => `${rate(t.name, name).toFixed(0)} | ${cpu(t.name, name).toFixed(0)}`);
  log(`| ${name} | ${cells.join(' | ')}${AGAINST ? ` | ${(cpu('this', name) / cpu('against', name)).toFixed(2)}` : ''} |`);
}
