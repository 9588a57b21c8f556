// The production deployment, proven without a Docker engine (none runs here):
//
//  1. docker-compose.production.yml validates with the real docker compose v2
//     (`docker-compose config`, built by scripts/services), with the example env
//     file, and refuses to start without a secret;
//  2. each Node service's `pnpm deploy --prod` output starts natively from its
//     own folder, with the command its image runs (Dockerfile) and the
//     environment the compose file gives it (addresses and ports mapped onto
//     this machine's services), against the real PostgreSQL, Redis and Neo4j,
//     and passes the compose file's own healthcheck command;
//  3. deploy/nginx/nexus.conf passes `nginx -t` and routes HTTP and a real
//     WebSocket handshake through nginx to the running services; SIGTERM then
//     stops every process cleanly (chat clients get 1001); no log line holds
//     the test's password or tokens.
//
// Run: pnpm --filter ./chat exec vitest run --root .. --dir ../scripts/test
// (a step of scripts/test-all.mjs).
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, createTestDatabase, freePort } from '../lib/test-stack.mjs';
import { loadServicesEnv } from '../lib/services-env.mjs';
import { renderNginx } from '../lib/nginx-site.mjs';
import { COMPOSE_FILE, EXAMPLE_ENV, composeConfig, dockerfileCmd, nativeEnv as sharedNativeEnv, nativeProcesses, writeProductionEnv } from '../lib/compose-native.mjs';

const run = promisify(execFile);
const { WebSocket } = createRequire(path.join(REPO_ROOT, 'chat/package.json'))('ws');

const services = loadServicesEnv();
const COMPOSE_BIN = process.env.COMPOSE_BIN ?? services.COMPOSE_BIN ?? path.join(REPO_ROOT, '.data/bin/docker-compose');
const NGINX_BIN = process.env.NGINX_BIN ?? services.NGINX_BIN ?? '/usr/sbin/nginx';
const PNPM = 'pnpm';

/** KEY=value lines of an env file (comments and blank lines skipped). */
function envFileKeys(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => line.slice(0, line.indexOf('=')));
}

describe('docker-compose.production.yml', () => {
  it('validates with docker compose v2 and the example env file, with pinned images, volumes, healthchecks and scalable api and chat', { timeout: 60_000 }, async () => {
    const { stdout: version } = await run(COMPOSE_BIN, ['version']);
    expect(version).toMatch(/Docker Compose version v2\./);
    await run(COMPOSE_BIN, ['--project-directory', REPO_ROOT, '--env-file', EXAMPLE_ENV, '-f', COMPOSE_FILE, 'config', '--quiet'], { env: { PATH: process.env.PATH, HOME: '/tmp' } });
    const config = await composeConfig(COMPOSE_BIN, EXAMPLE_ENV);
    expect(Object.keys(config.services).sort()).toEqual(['api', 'chat', 'migrate', 'neo4j', 'postgres', 'proxy', 'redis', 'web', 'worker']);

    // Official images at pinned versions, data on named volumes, healthchecks that run a real check.
    for (const [name, image] of [['postgres', /^postgres:\d+\.\d+/], ['redis', /^redis:\d+\.\d+\.\d+/], ['neo4j', /^neo4j:\d+\.\d+\.\d+-community$/], ['proxy', /^nginx:\d+\.\d+\.\d+/]]) {
      expect(config.services[name].image, name).toMatch(image);
    }
    for (const name of ['postgres', 'redis', 'neo4j']) {
      expect(config.services[name].volumes?.some((v) => v.type === 'volume'), `${name} volume`).toBe(true);
    }
    const healthcheck = (name) => config.services[name].healthcheck?.test?.join(' ') ?? '';
    expect(healthcheck('postgres')).toMatch(/psql .*select 1/);
    expect(healthcheck('redis')).toMatch(/redis-cli ping/);
    expect(healthcheck('neo4j')).toMatch(/cypher-shell .*RETURN 1/);
    expect(healthcheck('api')).toMatch(/healthcheck\.mjs http http:\/\/127\.0\.0\.1:8002\/api\/health$/);
    expect(healthcheck('worker')).toMatch(/healthcheck\.mjs http http:\/\/127\.0\.0\.1:9464\/ready$/);
    expect(healthcheck('web')).toMatch(/healthcheck\.mjs http http:\/\/127\.0\.0\.1:3010\/healthz$/);
    // The chat's check is a WebSocket handshake (through /ready), never a TCP connect.
    expect(healthcheck('chat')).toMatch(/healthcheck\.mjs chat http:\/\/127\.0\.0\.1:8001\/ready$/);

    // The one-shot migration runs before api and worker.
    expect(config.services.migrate.command).toEqual(expect.arrayContaining(['src/cli/migrate.ts', 'up']));
    expect(config.services.migrate.restart).toBe('no');
    for (const name of ['api', 'worker']) expect(config.services[name].depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(config.services.api.environment.NEXUS_ROLE).toBe('api');
    expect(config.services.worker.environment.NEXUS_ROLE).toBe('worker');

    // `--scale` needs services without fixed names or host ports; only the proxy publishes a port.
    for (const [name, service] of Object.entries(config.services)) {
      expect(service.container_name, name).toBeUndefined();
      if (name !== 'proxy') expect(service.ports ?? [], name).toEqual([]);
    }
    // Plain HTTP and HTTPS (PROXY_TLS on or redirect; scripts/test/scale-out-proxy.test.mjs goes through it).
    expect(config.services.proxy.ports.map((p) => p.target).sort()).toEqual([8080, 8443]);
    for (const name of ['api', 'worker', 'chat', 'web', 'migrate']) expect(config.services[name].environment.NODE_ENV, name).toBe('production');
  });

  it('takes every secret from the env file: .env.production.example lists every variable, and a missing secret is refused', { timeout: 60_000 }, async () => {
    const text = readFileSync(COMPOSE_FILE, 'utf8');
    // ${VAR} is compose's interpolation; $${VAR} is left to the container's shell; comments do not count.
    const code = text.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    const used = new Set([...code.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));
    const listed = new Set(envFileKeys(EXAMPLE_ENV));
    expect([...used].filter((name) => !listed.has(name)), 'used by the compose file, missing from .env.production.example').toEqual([]);
    expect([...listed].filter((name) => !used.has(name)), 'listed in .env.production.example, unused by the compose file').toEqual([]);
    // No literal secret in the compose file: every password and key is a ${…:?…} reference.
    for (const secret of ['POSTGRES_PASSWORD', 'REDIS_PASSWORD', 'NEO4J_PASSWORD', 'JWT_PRIVATE_KEY']) {
      expect(text).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
    }
    const { stdout: ignored } = await run('git', ['check-ignore', '.env.production'], { cwd: REPO_ROOT });
    expect(ignored.trim()).toBe('.env.production');

    const dir = mkdtempSync(path.join(tmpdir(), 'nexus-compose-'));
    try {
      const partial = path.join(dir, 'env');
      writeFileSync(partial, readFileSync(EXAMPLE_ENV, 'utf8').replace(/^POSTGRES_PASSWORD=.*$/m, ''));
      const refused = await run(COMPOSE_BIN, ['--project-directory', REPO_ROOT, '--env-file', partial, '-f', COMPOSE_FILE, 'config', '--quiet'], {
        env: { PATH: process.env.PATH, HOME: '/tmp' },
      }).then(
        () => undefined,
        (error) => error,
      );
      expect(refused, 'compose config without POSTGRES_PASSWORD').toBeDefined();
      expect(refused.stderr).toMatch(/POSTGRES_PASSWORD/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the deployed services, natively, behind nginx', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'nexus-deploy-'));
  const { children, logs, start, untilHealthy } = nativeProcesses();
  let database;
  let compose;
  let ports;
  let origin;
  const password = `Deploy-${randomBytes(12).toString('hex')}`;
  const secretsSeen = [password];

  /** Runs the compose file's healthcheck command of `service` here until it passes. */
  async function healthy(service, child) {
    const test = compose.services[service].healthcheck.test;
    expect(test[0]).toBe('CMD');
    const [cmd, script] = test.slice(1);
    expect(cmd).toBe('node');
    expect(script).toBe('/usr/local/lib/nexus/healthcheck.mjs');
    await untilHealthy(compose, service, child, { mapArg: mapAddresses, timeoutMs: 90_000 });
  }

  /** Compose's container addresses → this machine's services and the ports the test chose. */
  function mapAddresses(value) {
    return value
      .replace('http://127.0.0.1:8002', `http://127.0.0.1:${ports.api}`)
      .replace('http://127.0.0.1:9464', `http://127.0.0.1:${ports.workerMetrics}`)
      .replace('http://127.0.0.1:8001', `http://127.0.0.1:${ports.chat}`)
      .replace('http://127.0.0.1:3010', `http://127.0.0.1:${ports.web}`);
  }

  /**
   * The environment compose gives `service`, with what only exists inside the compose network mapped
   * onto this machine: host names and ports of postgres, redis, neo4j, api; the listening ports
   * (free ones, since other tests run beside this one); this test's own database, Redis prefix and
   * data dir. Every other variable is passed exactly as compose resolved it.
   */
  function nativeEnv(service, listen = {}) {
    let dataDir;
    if (compose.services[service].environment.DATA_DIR !== undefined) {
      dataDir = path.join(work, `${service}-data`);
      mkdirSync(dataDir, { recursive: true });
    }
    return sharedNativeEnv(compose, service, {
      databaseUrl: database.url,
      redisUrl: services.REDIS_URL,
      neo4jUrl: services.NEO4J_URL,
      apiUrl: `http://127.0.0.1:${ports.api}`,
      redisKeyPrefix: `test:${database.name}:`,
      dataDir,
      listen,
    });
  }

  beforeAll(async () => {
    ports = { api: await freePort(), workerMetrics: await freePort(), apiMetrics: await freePort(), chat: await freePort(), chatMetrics: await freePort(), web: await freePort(), proxy: await freePort() };
    origin = `http://127.0.0.1:${ports.proxy}`;
    database = await createTestDatabase(services);

    // A real env file for this machine: the local services' passwords, a fresh signing key (one line, \n escapes).
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    const values = {
      PUBLIC_ORIGIN: origin,
      PUBLIC_WS_URL: `ws://127.0.0.1:${ports.proxy}/ws`,
      HTTP_PORT: String(ports.proxy),
      POSTGRES_PASSWORD: decodeURIComponent(new URL(services.DATABASE_URL).password),
      REDIS_PASSWORD: decodeURIComponent(new URL(services.REDIS_URL).password),
      NEO4J_PASSWORD: services.NEO4J_PASSWORD,
      JWT_PRIVATE_KEY: `"${pem.trim().replaceAll('\n', '\\n')}"`,
      LOG_LEVEL: 'info',
      BCRYPT_COST: '4',
    };
    const envFile = writeProductionEnv(path.join(work, '.env.production'), values);
    secretsSeen.push(values.POSTGRES_PASSWORD, values.REDIS_PASSWORD, values.NEO4J_PASSWORD, pem.split('\n')[1]);
    compose = await composeConfig(COMPOSE_BIN, envFile);
    expect(compose.services.api.environment.JWT_PRIVATE_KEY).toBe(pem.trim());

    // `pnpm deploy --prod` of each package, as the Dockerfile does; the dashboard's build/ copied in after.
    const webBuild = path.join(REPO_ROOT, 'web/build/index.js');
    const newest = (dir) => {
      let latest = 0;
      const visit = (p) => {
        if (!existsSync(p)) return;
        const s = statSync(p);
        if (s.isDirectory()) for (const n of readdirSync(p)) visit(path.join(p, n));
        else latest = Math.max(latest, s.mtimeMs);
      };
      visit(dir);
      return latest;
    };
    const webStale = !existsSync(webBuild) || Math.max(newest(path.join(REPO_ROOT, 'web/src')), newest(path.join(REPO_ROOT, 'sdk/src'))) > statSync(webBuild).mtimeMs;
    await Promise.all([
      run(PNPM, ['--filter', '@nexus/api', 'deploy', '--prod', path.join(work, 'api')], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }),
      run(PNPM, ['--filter', '@nexus/chat', 'deploy', '--prod', path.join(work, 'chat')], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }),
      (webStale ? run(PNPM, ['--filter', '@nexus/web', 'run', 'build'], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 }) : Promise.resolve()).then(() =>
        run(PNPM, ['--filter', '@nexus/web', 'deploy', '--prod', path.join(work, 'web')], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }),
      ),
    ]);
    await run('cp', ['-r', path.join(REPO_ROOT, 'web/build'), path.join(work, 'web/build')]);
  }, 240_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.drop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('the deploy outputs hold production dependencies only', () => {
    for (const name of ['api', 'chat', 'web']) {
      const modules = path.join(work, name, 'node_modules');
      for (const dev of ['vitest', 'typescript', '@types/node']) expect(existsSync(path.join(modules, dev)), `${name}: ${dev}`).toBe(false);
    }
    expect(existsSync(path.join(work, 'api/node_modules/tsx'))).toBe(true);
    expect(existsSync(path.join(work, 'web/build/index.js'))).toBe(true);
  });

  it('migrate, api, worker, chat and web start from their folders with the compose environment and pass the compose healthchecks; nginx routes HTTP and a WebSocket; SIGTERM stops each cleanly', { timeout: 240_000 }, async () => {
    // 1. The one-shot migration: the compose file's command, in the api image's folder.
    const migrate = start('migrate', compose.services.migrate.command[0], compose.services.migrate.command.slice(1), path.join(work, 'api'), nativeEnv('migrate'));
    expect(await migrate.exited, logs.migrate).toBe(0);
    expect(logs.migrate).toMatch(/Success\s+Up\s+0001_core/i);

    // 2. The long-running services with their image's CMD.
    const apiCmd = dockerfileCmd('api');
    const api = start('api', apiCmd[0], apiCmd.slice(1), path.join(work, 'api'), nativeEnv('api', { PORT: ports.api, METRICS_PORT: ports.apiMetrics }));
    const worker = start('worker', apiCmd[0], apiCmd.slice(1), path.join(work, 'api'), nativeEnv('worker', { PORT: ports.api, METRICS_PORT: ports.workerMetrics }));
    await healthy('api', api);
    await healthy('worker', worker);
    const chatCmd = dockerfileCmd('chat');
    const chat = start('chat', chatCmd[0], chatCmd.slice(1), path.join(work, 'chat'), nativeEnv('chat', { CHAT_PORT: ports.chat, CHAT_METRICS_PORT: ports.chatMetrics }));
    const webCmd = dockerfileCmd('web');
    const web = start('web', webCmd[0], webCmd.slice(1), path.join(work, 'web'), nativeEnv('web', { PORT: ports.web }));
    await healthy('chat', chat);
    await healthy('web', web);
    expect(logs.worker).toMatch(/worker running/);
    expect(logs.api).not.toMatch(/worker running/);

    // 3. nginx: the repository's configuration with the compose network's names mapped onto these ports.
    const prefix = path.join(work, 'nginx');
    // nginx's workers run as an unprivileged user when the master is root: they must reach the temp paths.
    chmodSync(work, 0o755);
    const { args: nginxArgs } = renderNginx({ prefix, upstreams: { api: [ports.api], chat: [ports.chat], web: [ports.web] }, httpPort: ports.proxy });
    const checked = await run(NGINX_BIN, ['-t', ...nginxArgs]);
    expect(checked.stderr).toMatch(/syntax is ok/);
    expect(checked.stderr).toMatch(/test is successful/);
    const nginx = start('nginx', NGINX_BIN, [...nginxArgs, '-g', 'daemon off;'], prefix, {});
    const deadline = Date.now() + 20_000;
    while (!(await fetch(`${origin}/nginx-health`).then((r) => r.ok, () => false))) {
      if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${logs.nginx}\n${readFileSync(path.join(prefix, 'logs/error.log'), 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // HTTP through the one origin: the API, its contract and docs, the dashboard.
    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).checks.postgres.status).toBe('up');
    // nginx's request id reaches the API: one id across the proxy's and the API's logs.
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect((await (await fetch(`${origin}/openapi.json`)).json()).openapi).toMatch(/^3\./);
    expect(await (await fetch(`${origin}/docs`)).text()).toMatch(/swagger-ui/i);
    expect((await fetch(`${origin}/.well-known/jwks.json`)).status).toBe(200);
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ status: 'ok' });
    const dashboard = await fetch(`${origin}/`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('content-type')).toMatch(/text\/html/);

    // An admin (production creates none by itself): the CLI from the deploy output, password on stdin.
    const admin = start('create-admin', 'node', ['--conditions=@nexus/source', '--import', 'tsx', 'src/cli/create-admin.ts', '--email', 'ops@example.com', '--name', 'Ops', '--password-stdin'], path.join(work, 'api'), nativeEnv('api', { PORT: ports.api, METRICS_PORT: ports.apiMetrics }));
    admin.stdin.end(`${password}\n`);
    expect(await admin.exited, logs['create-admin']).toBe(0);
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: 'ops@example.com', password }) });
    expect(login.status, await login.clone().text()).toBe(200);
    const { accessToken, refreshToken } = await login.json();
    secretsSeen.push(accessToken, refreshToken);

    // /api/… with a bearer token → the API; with the dashboard's session cookie and no token → the
    // dashboard's proxy, which attaches the token (the API alone would answer 401).
    expect((await fetch(`${origin}/api/customers`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200);
    expect((await fetch(`${origin}/api/customers`)).status).toBe(401);
    const viaDashboard = await fetch(`${origin}/api/customers`, { headers: { cookie: `nexus_access=${accessToken}` } });
    expect(viaDashboard.status).toBe(200);

    // A WebSocket as a browser opens it: a one-time ticket, then the upgrade through nginx (Upgrade and Connection passed on).
    const ticketResponse = await fetch(`${origin}/api/chat/tickets`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, origin } });
    expect(ticketResponse.status).toBe(201);
    const { ticket } = await ticketResponse.json();
    secretsSeen.push(ticket);
    const socket = new WebSocket(`ws://127.0.0.1:${ports.proxy}/ws?ticket=${encodeURIComponent(ticket)}`, 'nexus.chat.v1', { headers: { origin }, perMessageDeflate: false });
    const closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade through nginx answered ${res.statusCode}`)));
    });
    expect(socket.protocol).toBe('nexus.chat.v1');
    const pong = new Promise((resolve) => socket.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'pong') resolve(frame);
    }));
    socket.send(JSON.stringify({ type: 'ping', ref: 'through-nginx' }));
    expect(await pong).toEqual({ type: 'pong', ref: 'through-nginx' });

    // The metrics are on their own ports, not behind the proxy.
    const metrics = await (await fetch(`http://127.0.0.1:${ports.apiMetrics}/metrics`)).text();
    expect(metrics).toMatch(/nexus_http_requests_total\{[^}]*operation="getHealth"/);
    expect((await fetch(`${origin}/metrics`)).status).not.toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${ports.chatMetrics}/metrics`)).text()).toMatch(/nexus_chat_connections\S* 1\b/);

    // SIGTERM: the gateway closes the socket with 1001; every process exits 0.
    chat.kill('SIGTERM');
    expect(await closed).toMatchObject({ code: 1001 });
    for (const child of [chat, web, worker, api]) {
      if (child !== chat) child.kill('SIGTERM');
      expect(await child.exited, `${child.label}:\n${logs[child.label]}`).toBe(0);
    }
    nginx.kill('SIGQUIT');
    await nginx.exited;

    // The logs are JSON lines with request id, operationId, user and latency — and no secret of this test.
    const requestLines = logs.api
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'request');
    const customers = requestLines.find((entry) => entry.operationId === 'listCustomers' && entry.status === 200);
    expect(customers).toMatchObject({ requestId: expect.any(String), userId: expect.stringMatching(/^[0-9a-f-]{36}$/), ms: expect.any(Number) });
    const everything = [...Object.values(logs), readFileSync(path.join(prefix, 'logs/access.log'), 'utf8'), readFileSync(path.join(prefix, 'logs/error.log'), 'utf8')].join('\n');
    for (const secret of secretsSeen) expect(everything.includes(secret), `a secret (${secret.slice(0, 6)}…) in the logs`).toBe(false);
  });
});
