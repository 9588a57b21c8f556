#!/usr/bin/env node
// `npm start` and `npm test` on a fresh machine with only Node.js 20: install
// on first use what the command needs (pnpm, the workspace's dependencies,
// the local services), say what is happening, then run it.
// Plain Node, no dependencies: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  process.stderr.write('usage: node scripts/bootstrap.mjs start|test\n');
  process.exit(2);
}

const say = (line) => process.stdout.write(`\x1b[1mnexus:\x1b[0m ${line}\n`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args, what, options) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    process.stderr.write(`nexus: ${what} failed (exit ${status}).\n`);
    process.exit(status);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`nexus: Node.js 20.19 or newer is required (this is ${process.versions.node}).\n`);
  process.exit(1);
}

// 1. pnpm, pinned. Installed globally with npm when missing (corepack is not used).
const pnpmVersion = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
if (pnpmVersion.status !== 0 || pnpmVersion.stdout.trim() !== PNPM_VERSION) {
  say(`installing pnpm ${PNPM_VERSION} (npm i -g)`);
  must('npm', ['install', '--global', '--save-exact', `pnpm@${PNPM_VERSION}`, '--no-audit', '--no-fund'], 'installing pnpm');
}

// 2. The workspace's dependencies, exactly as locked, whenever the lockfile changed since the last install.
const marker = path.join(ROOT, 'node_modules', '.nexus-installed');
const lockfile = path.join(ROOT, 'pnpm-lock.yaml');
const installed = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
const lockStamp = `${statSync(lockfile).mtimeMs}:${statSync(lockfile).size}`;
if (installed !== lockStamp) {
  say('installing the workspace dependencies (pnpm install --frozen-lockfile)');
  must('pnpm', ['install', '--frozen-lockfile'], 'pnpm install');
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, lockStamp);
}

// 3. Local services: PostgreSQL, Redis, Neo4j, Schemathesis, Chromium (scripts/services).
say('starting local services (scripts/services up)');
const services = run('bash', ['scripts/services', 'up']);
if (services !== 0 && services !== 3) {
  process.stderr.write('nexus: PostgreSQL or Redis could not be started; see the messages above.\n');
  process.exit(services);
}
if (services === 3 && command === 'test') {
  process.stderr.write('nexus: the test suite needs Neo4j, Schemathesis and Chromium too; see the messages above.\n');
  process.exit(services);
}

// 4. The command itself.
if (command === 'start') {
  say('starting Nexus (Ctrl-C stops it)');
  process.exit(run('node', ['scripts/start-all.mjs']));
} else {
  process.exit(run('node', ['scripts/test-all.mjs']));
}
