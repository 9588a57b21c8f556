// docker-compose.production.yml's services run natively (no Docker engine here):
// the environment compose resolves for a service, with what only exists inside
// the compose network mapped onto this machine. Used by scripts/test/.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './test-stack.mjs';

const run = promisify(execFile);

export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.production.yml');
export const EXAMPLE_ENV = path.join(REPO_ROOT, '.env.production.example');
export const HEALTHCHECK = path.join(REPO_ROOT, 'deploy/healthcheck.mjs');

/** `docker-compose … config --format json` with only the given env file (no stray variables of this shell). */
export async function composeConfig(composeBin, envFile) {
  const { stdout } = await run(composeBin, ['--project-directory', REPO_ROOT, '--env-file', envFile, '-f', COMPOSE_FILE, 'config', '--format', 'json'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** .env.production.example with `values` put in (every other line as it is), written to `file` (mode 600). */
export function writeProductionEnv(file, values) {
  const text = readFileSync(EXAMPLE_ENV, 'utf8').replace(/^([A-Z_][A-Z0-9_]*)=.*$/gm, (line, key) => (key in values ? `${key}=${values[key]}` : line));
  const missing = Object.keys(values).filter((key) => !new RegExp(`^${key}=`, 'm').test(text));
  if (missing.length) throw new Error(`not in .env.production.example: ${missing.join(', ')}`);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** The CMD of a Dockerfile target, as an array. */
export function dockerfileCmd(target) {
  const text = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const stage = text.split(/^FROM /m).find((block) => new RegExp(`^\\S+ AS ${target}\\s*$`, 'm').test(block.split('\n')[0]));
  if (!stage) throw new Error(`no stage ${target} in Dockerfile`);
  const cmd = /^CMD (\[.*\])\s*$/m.exec(stage);
  if (!cmd) throw new Error(`no CMD in stage ${target}`);
  return JSON.parse(cmd[1]);
}

/**
 * The environment compose gives `service`, with the compose network's addresses mapped onto this
 * machine: postgres → `databaseUrl`'s host and database, redis → `redisUrl`'s host, neo4j →
 * `neo4jUrl`, http://api:8002 → `apiUrl`; REDIS_KEY_PREFIX and DATA_DIR → the test's own; the
 * listening ports in `listen` (free ones: other tests run beside this one). Every other variable is
 * passed exactly as compose resolved it. A value that is not the compose address expected throws.
 */
export function nativeEnv(compose, service, { databaseUrl, redisUrl, neo4jUrl, apiUrl, redisKeyPrefix, dataDir, listen = {} }) {
  const env = { ...compose.services[service].environment };
  const expectValue = (key, ok) => {
    if (!ok) throw new Error(`${service}.${key}: unexpected compose value ${env[key]}`);
  };
  for (const [key, value] of Object.entries(env)) {
    if (key === 'DATABASE_URL') {
      const url = new URL(value);
      expectValue(key, url.host === 'postgres:5432');
      const local = new URL(databaseUrl);
      url.host = local.host;
      url.pathname = local.pathname;
      env[key] = url.toString();
    } else if (key === 'REDIS_URL') {
      const url = new URL(value);
      expectValue(key, url.host === 'redis:6379');
      url.host = new URL(redisUrl).host;
      env[key] = url.toString();
    } else if (key === 'NEO4J_URL') {
      expectValue(key, value === 'bolt://neo4j:7687');
      env[key] = `bolt://${new URL(neo4jUrl).host}`;
    } else if (key === 'API_URL' || key === 'NEXUS_API_URL') {
      expectValue(key, value === 'http://api:8002');
      env[key] = apiUrl;
    } else if (key === 'REDIS_KEY_PREFIX') {
      env[key] = redisKeyPrefix;
    } else if (key === 'DATA_DIR') {
      expectValue(key, value === '/app/data');
      env[key] = dataDir;
    } else if (key in listen) {
      env[key] = String(listen[key]);
    }
  }
  return env;
}

/**
 * The native processes of a test, each with its output kept in `logs[name]`: `start` runs `cmd` from `cwd` with
 * exactly `env` (and PATH, HOME); `untilHealthy` runs the compose healthcheck of `service` here (its arguments
 * through `mapArg`, for the ports the test chose) until it passes, and fails at once if the process exits.
 */
export function nativeProcesses() {
  const children = [];
  const logs = {};
  function start(name, cmd, args, cwd, env) {
    const child = spawn(cmd, args, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    logs[name] = '';
    child.stdout.on('data', (chunk) => (logs[name] += chunk));
    child.stderr.on('data', (chunk) => (logs[name] += chunk));
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    child.label = name;
    children.push(child);
    return child;
  }
  async function untilHealthy(compose, service, child, { mapArg = (arg) => arg, timeoutMs = 60_000 } = {}) {
    const [, , ...args] = compose.services[service].healthcheck.test.slice(1);
    const mapped = args.map(mapArg);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${child.label} exited with ${child.exitCode}:\n${logs[child.label]}`);
      const failed = await run(process.execPath, [HEALTHCHECK, ...mapped]).then(() => undefined, (error) => error);
      if (!failed) return;
      if (Date.now() > deadline) throw new Error(`${child.label} not healthy within ${timeoutMs / 1000} s (${failed.stderr}):\n${logs[child.label]}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return { children, logs, start, untilHealthy };
}
