#!/usr/bin/env node
// Serves the production build (adapter-node output in build/) with Nexus's
// defaults: port 3010 on loopback, ORIGIN from them. Set HOST, PORT and ORIGIN
// (https://… behind TLS, which also makes the session cookies Secure) to change
// them, and NEXUS_API_URL for the API. See web/README.md.
//
// --build-if-stale: build first when there is no build, or the app or the SDK
// changed since it was made (what `npm start` uses).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(WEB, 'build', 'index.js');

/** The newest modification time under the given files and folders. */
function newest(paths) {
  let latest = 0;
  const visit = (target) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) for (const name of readdirSync(target)) visit(path.join(target, name));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

if (process.argv.includes('--build-if-stale')) {
  const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', '../sdk/src'].map((p) => path.resolve(WEB, p));
  if (!existsSync(entry) || newest(sources) > statSync(entry).mtimeMs) {
    process.stdout.write('nexus web: building the dashboard (pnpm --filter @nexus/web build)…\n');
    const build = spawnSync('pnpm', ['run', 'build'], { cwd: WEB, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
if (!existsSync(entry)) {
  process.stderr.write('nexus web: no production build; run `pnpm --filter @nexus/web build` first.\n');
  process.exit(1);
}
process.env.PORT ||= '3010';
process.env.HOST ||= '127.0.0.1';
// Catalogue imports are uploaded through a form action; the API takes up to 50 MB.
process.env.BODY_SIZE_LIMIT ||= '60M';
process.env.ORIGIN ||= `http://${process.env.HOST === '0.0.0.0' ? '127.0.0.1' : process.env.HOST}:${process.env.PORT}`;
// SIGTERM: seconds for requests in flight, under the API's and the gateway's name (adapter-node calls it SHUTDOWN_TIMEOUT).
process.env.SHUTDOWN_TIMEOUT ||= process.env.SHUTDOWN_TIMEOUT_SECONDS || '10';
// adapter-node reads its settings at import time.
await import(entry);
process.stdout.write(`\n  Dashboard   ${process.env.ORIGIN}\n\n`);
