#!/usr/bin/env node
// pnpm soak — a bounded soak of one API and one chat gateway process on the local services.
//
//   SOAK_SECONDS=600 (default 10 min)  SOAK_CLIENTS=4  pnpm soak
//
// Starts the real API (fresh database) and a chat gateway, puts a steady mixed load on them
// (HTTP: health, product list, customer create with Idempotency-Key, customer read; chat: two
// members on WebSockets exchanging messages in one conversation), and reports RSS and event-loop
// delay (p99, from each process's Prometheus metrics) at the start (after a warm-up) and at the
// end, with the growth. Exits 1 if any request failed (5xx or no answer). docs/operations.md.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, REPO_ROOT, startApi, startChatGateway } from './lib/test-stack.mjs';

const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const clients = Number(process.env.SOAK_CLIENTS ?? 4);
const WebSocket = createRequire(path.join(REPO_ROOT, 'chat/package.json'))('ws');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
};
async function lagMs(url, metric) {
  const text = await (await fetch(url)).text();
  const value = new RegExp(`^${metric}(?:\\{[^}]*\\})? ([0-9.eE+-]+)`, 'm').exec(text)?.[1];
  if (value === undefined) console.log(`soak: ${metric} not found at ${url}; metrics seen: ${[...new Set(text.match(/^[a-z_]*eventloop[a-z_0-9]*/gm) ?? [])].join(', ') || 'none'}`);
  return value === undefined ? null : Number(value) * 1000;
}

const apiMetricsPort = await freePort();
const chatMetricsPort = await freePort();
const api = await startApi({ env: { METRICS_PORT: String(apiMetricsPort), LOGIN_LIMIT_PER_IP: '1000000', LOG_LEVEL: 'error' } });
let chat;
const stats = { requests: 0, failures: [], chatSent: 0, chatReceived: 0 };
try {
  chat = await startChatGateway(api, { env: { CHAT_METRICS_PORT: String(chatMetricsPort), LOG_LEVEL: 'error' } });
  const json = { 'content-type': 'application/json' };
  const login = await (await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(api.admin) })).json();
  const auth = { ...json, authorization: `Bearer ${login.accessToken}` };
  const conversation = await (await fetch(`${api.baseUrl}/api/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Soak' }) })).json();

  const sample = async () => ({
    api: { rssMb: rssMb(api.pid), eventLoopP99Ms: await lagMs(`http://127.0.0.1:${apiMetricsPort}/metrics`, 'nexus_nodejs_eventloop_lag_p99_seconds') },
    chat: { rssMb: rssMb(chat.pid), eventLoopP99Ms: await lagMs(`http://127.0.0.1:${chatMetricsPort}/metrics`, 'nexus_chat_nodejs_eventloop_lag_p99_seconds') },
  });

  let stop = false;
  const call = async (label, url, init) => {
    stats.requests++;
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (response.status >= 500) stats.failures.push(`${label}: ${response.status} ${body.slice(0, 200)}`);
      return response.status < 300 ? JSON.parse(body || 'null') : null;
    } catch (error) {
      stats.failures.push(`${label}: ${String(error)}`);
      return null;
    }
  };
  const http = async () => {
    while (!stop) {
      await call('health', `${api.baseUrl}/api/health`);
      await call('listProducts', `${api.baseUrl}/api/products?limit=20`, { headers: auth });
      const created = await call('createCustomer', `${api.baseUrl}/api/customers`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ name: `Soak ${randomUUID()}` }),
      });
      if (created?.id) await call('getCustomer', `${api.baseUrl}/api/customers/${created.id}`, { headers: auth });
      await sleep(50);
    }
  };
  const member = async () => {
    const socket = new WebSocket(chat.url, { headers: { authorization: auth.authorization } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.on('message', () => stats.chatReceived++);
    socket.send(JSON.stringify({ type: 'join', conversationId: conversation.id }));
    while (!stop) {
      socket.send(JSON.stringify({ type: 'send', conversationId: conversation.id, clientMessageId: randomUUID(), text: `soak ${stats.chatSent}` }));
      stats.chatSent++;
      await sleep(200);
    }
    socket.close(1000);
  };

  const warmUp = Math.min(30, Math.max(3, seconds * 0.1));
  console.log(`soak: ${seconds} s of load (${clients} HTTP clients, 2 chat members), warm-up ${warmUp} s`);
  const load = Promise.all([...Array.from({ length: clients }, http), member(), member()]);
  await sleep(warmUp * 1000);
  const start = await sample();
  await sleep(Math.max(0, seconds - warmUp) * 1000);
  const end = await sample();
  stop = true;
  await load;

  const growth = (a, b) => (a > 0 ? Math.round(((b - a) / a) * 1000) / 10 : null);
  const report = {
    seconds,
    requests: stats.requests,
    failures: stats.failures.length,
    chat: { sent: stats.chatSent, received: stats.chatReceived },
    api: { start: start.api, end: end.api, rssGrowthPercent: growth(start.api.rssMb, end.api.rssMb) },
    gateway: { start: start.chat, end: end.chat, rssGrowthPercent: growth(start.chat.rssMb, end.chat.rssMb) },
  };
  console.log(`SOAK REPORT ${JSON.stringify(report)}`);
  for (const [name, r] of [['api', report.api], ['chat', report.gateway]]) {
    console.log(
      `  ${name.padEnd(5)} RSS ${r.start.rssMb.toFixed(1)} → ${r.end.rssMb.toFixed(1)} MB (${r.rssGrowthPercent} %), ` +
        `event-loop p99 ${r.start.eventLoopP99Ms?.toFixed(1)} → ${r.end.eventLoopP99Ms?.toFixed(1)} ms`,
    );
  }
  console.log(`  ${stats.requests} HTTP requests, ${stats.failures.length} failed; chat ${stats.chatSent} sent, ${stats.chatReceived} frames received`);
  for (const failure of stats.failures.slice(0, 10)) console.log(`  failure: ${failure}`);
  process.exitCode = stats.failures.length > 0 ? 1 : 0;
} finally {
  await chat?.stop();
  await api.stop();
}
