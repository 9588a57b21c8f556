#!/usr/bin/env node
// The containers' healthcheck (docker-compose.production.yml): plain Node, no
// dependencies, since the images have no curl. Exit 0 healthy, 1 not.
//
//   node healthcheck.mjs http <url>   GET <url> answers 2xx (api: /api/health, worker: /ready, web: /healthz)
//   node healthcheck.mjs chat <url>   GET <url> (the gateway's /ready) answers 200 with status "ready":
//                                     the gateway has just completed a real WebSocket handshake to its
//                                     own /ws (subprotocol nexus.chat.v1) and a frame round trip
//                                     (chat/src/readiness.ts). A TCP probe would pass a gateway that
//                                     refuses every browser; this does not.
const [mode, url] = process.argv.slice(2);
if (!['http', 'chat'].includes(mode) || !url) {
  process.stderr.write('usage: healthcheck.mjs http|chat <url>\n');
  process.exit(2);
}
try {
  // The dashboard reads the client address from X-Forwarded-For (ADDRESS_HEADER, behind the proxy); this client is local.
  const response = await fetch(url, { signal: AbortSignal.timeout(4_000), headers: { 'user-agent': 'nexus-healthcheck', 'x-forwarded-for': '127.0.0.1' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  if (mode === 'chat') {
    const body = JSON.parse(text);
    if (body.status !== 'ready' || typeof body.handshakeMs !== 'number') throw new Error(`${url}: no completed WebSocket handshake in ${text.slice(0, 300)}`);
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
