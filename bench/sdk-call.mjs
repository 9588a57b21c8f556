// pnpm bench:sdk — the client-side CPU of one SDK call, against a bare node:http request.
//
// A child process answers like the API's postMessage (201, a JSON message); this process
// sends CALLS calls with CONCURRENCY in flight through each client and divides its own CPU
// time (process.cpuUsage: user + system) by the calls. The server's CPU is not counted.
// Clients run in interleaved rounds (each once per round, starting one further along each
// round) and the median round is reported, so a burst of load from elsewhere hits one
// round of one client, not a whole column.
//
//   BENCH_SDK_CALLS (20000)  BENCH_SDK_CONCURRENCY (50)  BENCH_SDK_ROUNDS (3)
//   BENCH_SDK_CLIENTS (all)  e.g. bare-http,sdk-api-fetch
//   node --cpu-prof … to profile (see bench/README.md).
import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createNexusClient } from '@nexus/sdk';
import { apiFetch } from '../chat/src/api-fetch.ts';

const CALLS = Number(process.env.BENCH_SDK_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_SDK_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_SDK_ROUNDS ?? 3);
const WARMUP = Math.min(2_000, CALLS);
const TOKEN = 'bench-access-token-'.padEnd(300, 'x'); // about the size of the API's EdDSA tokens
const CONVERSATION = '0b8f6c1e-8d1a-4a6f-9a43-2f4f1d6f5c11';

// ---- the clients ------------------------------------------------------------------------
function bareHttp(baseUrl) {
  const agent = new Agent({ keepAlive: true, scheduling: 'lifo' });
  const { hostname, port } = new URL(baseUrl);
  const path = `/api/conversations/${CONVERSATION}/messages`;
  return (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ text: `message ${i}`, clientMessageId: `c-${i}` });
      const req = httpRequest(
        {
          hostname,
          port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (res.statusCode !== 201 || typeof data.seq !== 'number') reject(new Error(`unexpected answer ${res.statusCode}`));
            else resolve(data);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

function bareFetch(baseUrl) {
  const url = `${baseUrl}/api/conversations/${CONVERSATION}/messages`;
  return async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: `message ${i}`, clientMessageId: `c-${i}` }),
    });
    const data = await response.json();
    if (response.status !== 201 || typeof data.seq !== 'number') throw new Error(`unexpected answer ${response.status}`);
    return data;
  };
}

// chat's apiFetch alone, given each call as the SDK gives it (sendPlain): what the SDK adds is the rest.
function apiFetchAlone(baseUrl) {
  const fetch = apiFetch();
  const url = `${baseUrl}/api/conversations/${CONVERSATION}/messages`;
  return async (i) => {
    const controller = new AbortController();
    const response = await fetch.sendPlain(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ text: `message ${i}`, clientMessageId: `c-${i}` }),
        signal: controller.signal,
        onAbort: () => undefined,
      },
      {},
    );
    const data = JSON.parse(await response.text());
    if (response.status !== 201 || typeof data.seq !== 'number') throw new Error(`unexpected answer ${response.status}`);
    return data;
  };
}

function sdk(baseUrl, fetchImplementation) {
  const api = createNexusClient({ baseUrl, token: TOKEN, ...(fetchImplementation ? { fetch: fetchImplementation } : {}) });
  return async (i) => {
    const { data } = await api.call('postMessage', {
      params: { path: { id: CONVERSATION } },
      body: { text: `message ${i}`, clientMessageId: `c-${i}` },
    });
    if (typeof data.seq !== 'number') throw new Error('unexpected answer');
    return data;
  };
}

const CLIENTS = {
  'bare-http': { what: 'node:http keep-alive + JSON.parse', make: bareHttp },
  'api-fetch': { what: "chat's apiFetch().sendPlain alone + JSON.parse", make: apiFetchAlone },
  'sdk-api-fetch': { what: "SDK call('postMessage') over chat's apiFetch()", make: (baseUrl) => sdk(baseUrl, apiFetch()) },
  'sdk-fetch': { what: "SDK call('postMessage') over globalThis.fetch", make: (baseUrl) => sdk(baseUrl) },
  'bare-fetch': { what: 'globalThis.fetch + response.json()', make: bareFetch },
};

async function run(send, calls) {
  let next = 0;
  const worker = async () => {
    while (next < calls) await send(next++);
  };
  const before = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, calls) }, worker));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(before);
  return { cpuUsPerCall: (cpu.user + cpu.system) / calls, callsPerSecond: (calls / wallMs) * 1000 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const server = fork(fileURLToPath(new URL('./sdk-call-server.mjs', import.meta.url)), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve, reject) => {
    server.once('message', resolve);
    server.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const names = (process.env.BENCH_SDK_CLIENTS ?? Object.keys(CLIENTS).join(',')).split(',');
  const sends = Object.fromEntries(names.map((name) => [name, CLIENTS[name].make(baseUrl)]));
  for (const name of names) await run(sends[name], WARMUP);

  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length];
      globalThis.gc?.();
      results[name].push(await run(sends[name], CALLS));
    }
  }
  server.disconnect();

  console.log(`${CALLS} calls × ${ROUNDS} rounds, ${CONCURRENCY} in flight, node ${process.version}; median round (client process CPU only)`);
  const reference = results['bare-http'] ? median(results['bare-http'].map((r) => r.cpuUsPerCall)) : undefined;
  const rows = names.map((name) => {
    const cpu = median(results[name].map((r) => r.cpuUsPerCall));
    return {
      client: name,
      what: CLIENTS[name].what,
      'CPU µs/call': Math.round(cpu),
      '÷bare-http': reference ? (cpu / reference).toFixed(2) : '–',
      'calls/s': Math.round(median(results[name].map((r) => r.callsPerSecond))),
      'rounds µs': results[name].map((r) => Math.round(r.cpuUsPerCall)).join(' '),
    };
  });
  console.table(rows);
}

await main();
