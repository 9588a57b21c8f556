import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, REPO_ROOT } from '../../../scripts/lib/test-stack.mjs';

/**
 * Private instances of PostgreSQL, Redis and Neo4j, each on its own port and
 * in its own temporary directory, with the binaries scripts/services
 * installed. For tests that stop and start a datastore (faults): the shared
 * services other tests and agents use are never touched. Each can be stopped
 * and started again on the same port and data.
 */
export interface PrivateService {
  /** Connection settings for the API (DATABASE_URL, REDIS_URL or NEO4J_*). */
  env: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (scripts/services up postgres installs them)');
  return path.join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` OS user. */
const asPg = (command: string, args: string[]) => (isRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));

export async function privatePostgres(): Promise<PrivateService> {
  const bin = pgBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'nexus-fault-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'run');
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, password);
  if (isRoot) {
    chmodSync(dir, 0o755);
    chownSync(pwfile, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), 0);
  }
  const { stdout: uid } = isRoot ? await run('id', ['-u', 'postgres']) : { stdout: String(process.getuid?.()) };
  for (const d of [data, socket]) {
    await run('mkdir', ['-p', d]);
    if (isRoot) chownSync(d, Number(uid.trim()), 0);
    chmodSync(d, 0o700);
  }
  await asPg(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]);
  rmSync(pwfile);
  const log = path.join(dir, 'postgres.log');
  if (isRoot) {
    writeFileSync(log, '');
    chownSync(log, Number(uid.trim()), 0);
  }
  const options = `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const service: PrivateService = {
    env: { DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:${port}/nexus` },
    async start() {
      await asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
    },
    async stop() {
      await asPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    },
    async destroy() {
      await service.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await service.start();
  await asPg(path.join(bin, 'psql'), ['-X', '-q', '-h', socket, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', 'create database nexus']);
  return service;
}

/** Spawns a long-lived process and resolves once `ready` matches its output. */
function spawnUntil(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; ready: RegExp; timeoutMs: number; name: string }): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} not ready within ${options.timeoutMs} ms:\n${output.slice(-2000)}`));
    }, options.timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (options.ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} during start:\n${output.slice(-2000)}`));
    });
  });
}

async function stopChild(child: ChildProcess | undefined, timeoutMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function privateRedis(): Promise<PrivateService> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nexus-fault-redis-'));
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const conf = path.join(dir, 'redis.conf');
  writeFileSync(conf, `bind 127.0.0.1\nport ${port}\nprotected-mode yes\ndaemonize no\ndir "${dir}"\nrequirepass ${password}\nsave ""\nappendonly no\n`, { mode: 0o600 });
  let child: ChildProcess | undefined;
  const service: PrivateService = {
    env: { REDIS_URL: `redis://default:${password}@127.0.0.1:${port}/0` },
    async start() {
      child = await spawnUntil('redis-server', [conf], { ready: /Ready to accept connections/, timeoutMs: 20_000, name: 'redis' });
    },
    async stop() {
      await stopChild(child, 10_000);
    },
    async destroy() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await service.start();
  return service;
}

function javaBin(): string {
  for (const candidate of ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-21-openjdk-amd64', process.env['NEXUS_JAVA_HOME'] ?? '']) {
    if (candidate && existsSync(path.join(candidate, 'bin', 'java'))) return path.join(candidate, 'bin', 'java');
  }
  const jvm = '/usr/lib/jvm';
  const found = existsSync(jvm) ? readdirSync(jvm).find((d) => /^(java|temurin)-(17|21)/.test(d) && existsSync(path.join(jvm, d, 'bin', 'java'))) : undefined;
  if (!found) throw new Error('no Java 17/21 for Neo4j (scripts/services up neo4j installs one)');
  return path.join(jvm, found, 'bin', 'java');
}

/** Neo4j from the launcher scripts/services built (.data/neo4j/lib), with its own home, port and password. */
export async function privateNeo4j(): Promise<PrivateService> {
  const lib = path.join(REPO_ROOT, '.data', 'neo4j', 'lib');
  if (!existsSync(path.join(lib, 'neo4j-launcher.jar'))) throw new Error(`${lib} has no launcher: run scripts/services up neo4j`);
  const home = mkdtempSync(path.join(tmpdir(), 'nexus-fault-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const service: PrivateService = {
    env: { NEO4J_URL: `bolt://127.0.0.1:${port}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    async start() {
      child = await spawnUntil(
        javaBin(),
        [
          '-Xms128m',
          '-Xmx384m',
          '-XX:+UseSerialGC',
          '-XX:+ExitOnOutOfMemoryError',
          '-Dfile.encoding=UTF-8',
          '-Dio.netty.tryReflectionSetAccessible=true',
          '--add-opens=java.base/java.nio=ALL-UNNAMED',
          '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
          `-Dnexus.home=${home}`,
          '-cp',
          `${lib}/*`,
          'nexus.neo4j.Neo4jLauncher',
        ],
        {
          cwd: home,
          env: { PATH: process.env['PATH'], NEO4J_HOME: home, NEO4J_BOLT_HOST: '127.0.0.1', NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password, NEO4J_PAGECACHE_MB: '32' },
          ready: /NEO4J READY/,
          timeoutMs: 180_000,
          name: 'neo4j',
        },
      );
    },
    async stop() {
      await stopChild(child, 60_000);
    },
    async destroy() {
      await service.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  await service.start();
  return service;
}
