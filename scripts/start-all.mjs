#!/usr/bin/env node
// Runs the Nexus processes (what `npm start` runs after scripts/bootstrap.mjs),
// forwarding Ctrl-C so each shuts down cleanly.
//
// Backends come from the environment only: with DATABASE_URL / REDIS_URL unset
// the API embeds PostgreSQL (PGlite in <repo>/.data/pglite) and serves the Redis
// roles in-process. .data/services.env is deliberately not read here — it
// holds the test services' URLs, and `npm start` must not switch to them.
// In that embedded mode pub/sub reaches only its own process, so the chat
// gateway runs inside the API process rather than as one of its own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const processes = [
  // `node --import tsx` (not the tsx CLI): one process, so Ctrl-C reaches the server's own handlers.
  { name: 'api', cwd: path.join(ROOT, 'api'), cmd: process.execPath, args: ['--conditions=@nexus/source', '--import', 'tsx', 'src/server.ts'] },
  // The dashboard (SvelteKit production build, built first when stale) on WEB_PORT, talking to the API above.
  {
    name: 'web',
    cwd: path.join(ROOT, 'web'),
    cmd: process.execPath,
    args: ['scripts/serve.mjs', '--build-if-stale'],
    env: {
      PORT: process.env.WEB_PORT ?? '3010',
      ORIGIN: process.env.WEB_ORIGIN ?? '',
      NEXUS_API_URL: process.env.NEXUS_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8002'}`,
      // The gateway's own default (CHAT_PORT 8001): inside the API here, or run beside it with REDIS_URL.
      NEXUS_CHAT_URL: process.env.NEXUS_CHAT_URL ?? `ws://127.0.0.1:${process.env.CHAT_PORT ?? '8001'}/ws`,
    },
  },
];

let stopping = false;
const children = processes.map(({ name, cwd, cmd, args, env }) => {
  const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`nexus: ${name} exited (${signal ?? code}); stopping the rest.\n`);
      stop(code ?? 1);
    }
  });
  return child;
});

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
