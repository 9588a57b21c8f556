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

// 3. Local services. `npm test` needs them all (the suite runs against the real
// servers). `npm start` needs none: without DATABASE_URL and REDIS_URL the API
// embeds PostgreSQL (PGlite) and serves the Redis roles in-process; only Neo4j
// is started, when a JDK 17+ can run it.
const env = { ...process.env };
let startedNeo4j = false;
if (command === 'test') {
  say('starting local services (scripts/services up)');
  const services = run('bash', ['scripts/services', 'up']);
  if (services !== 0) {
    process.stderr.write(
      services === 3
        ? 'nexus: the test suite needs Neo4j, Schemathesis, Chromium, oasdiff, docker compose and nginx too; see the messages above.\n'
        : 'nexus: PostgreSQL or Redis could not be started; see the messages above.\n',
    );
    process.exit(services);
  }
} else if (!env.NEO4J_URL) {
  const java = javaMajorVersion();
  if (java === undefined || java < 17) {
    say(
      `graph: ${java === undefined ? 'no Java found' : `Java ${java} found`}, Neo4j needs a JDK 17+; the graph features stay off ` +
        '(they answer 503; everything else works). Install one (Debian: apt-get install openjdk-17-jdk-headless) and run npm start again, or set NEO4J_URL.',
    );
  } else {
    // Stopped again when Nexus stops — unless it was running already (the test services' Neo4j, say).
    const wasRunning = spawnSync('bash', ['scripts/services', 'status', 'neo4j'], { cwd: ROOT, encoding: 'utf8' }).stdout.includes('running');
    say(`starting Neo4j (scripts/services up neo4j, Java ${java})`);
    if (run('bash', ['scripts/services', 'up', 'neo4j']) === 0) {
      startedNeo4j = !wasRunning;
      for (const [key, value] of Object.entries(readServicesEnv())) if (key.startsWith('NEO4J_')) env[key] = value;
    } else {
      say('graph: Neo4j did not start (see above); the graph features stay off until it does.');
    }
  }
}

// 4. The command itself. Ctrl-C reaches the whole process group; this process
// waits for the command to finish shutting down instead of dying first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
if (command === 'start') {
  say('starting Nexus (Ctrl-C stops it)');
  const status = run('node', ['scripts/start-all.mjs'], { env });
  if (startedNeo4j) {
    say('stopping the Neo4j this command started (scripts/services down neo4j)');
    run('bash', ['scripts/services', 'down', 'neo4j']);
  }
  process.exit(status);
} else {
  process.exit(run('node', ['scripts/test-all.mjs']));
}

/** The major version `java -version` reports, or undefined without a runnable java. */
function javaMajorVersion() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  // Java 8 and older report "1.8.0_…".
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/** `.data/services.env` (KEY=value lines written by scripts/services), or {} when missing. */
function readServicesEnv() {
  const file = path.join(ROOT, '.data', 'services.env');
  if (!existsSync(file)) return {};
  const pairs = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('#')) pairs[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return pairs;
}
