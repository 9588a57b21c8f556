// Builds the web app once (adapter-node), starts the real API on a fresh database,
// a chat gateway beside it (kept running: restarted on its port if it dies, as a
// supervisor would), the built web server pointing at both, and one Chromium that
// every test file connects to. Set NEXUS_E2E_SKIP_BUILD=1 to reuse an existing build/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { loadServicesEnv } from '../../../scripts/lib/services-env.mjs';
import { freePort, startApi, startChatGateway, STARTUP_DEADLINE_MS, type RunningApi, type RunningChatGateway } from '../../../scripts/lib/test-stack.mjs';

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2eStack {
  webUrl: string;
  apiUrl: string;
  /** The chat gateway the pages connect to (ws://…/ws). */
  chatUrl: string;
  /** A file holding the gateway's current process id (it changes when the gateway is restarted). */
  chatPidFile: string;
  admin: { email: string; password: string };
  browserEndpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: E2eStack;
  }
}

/** The production build on `port` (default: a free one), talking to `apiUrl`; `env` adds adapter-node settings. */
export async function startWeb(apiUrl: string, env: Record<string, string> = {}, port?: number): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: WEB_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, NEXUS_API_URL: apiUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`web server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/favicon.svg`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`web server did not answer within ${STARTUP_DEADLINE_MS / 1000} s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, output: () => output };
}

export default async function setup(project: TestProject) {
  if (process.env.NEXUS_E2E_SKIP_BUILD !== '1') {
    await execa('pnpm', ['run', 'build'], { cwd: WEB_ROOT, stdio: 'inherit' });
  }
  let api: RunningApi | undefined;
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  let browser: BrowserServer | undefined;
  let gateway: RunningChatGateway | undefined;
  let stopping = false;
  const teardown = async () => {
    stopping = true;
    await browser?.close();
    if (web && web.child.exitCode === null) {
      const exited = new Promise((resolve) => web!.child.once('exit', resolve));
      web.child.kill('SIGTERM');
      await exited;
    }
    await gateway?.stop();
    if (process.env.NEXUS_E2E_SERVER_LOGS === '1') process.stdout.write(`${web?.output() ?? ''}\n${gateway?.output() ?? ''}\n${api?.output() ?? ''}\n`);
    await api?.stop();
  };
  try {
    // The dashboard's origin is the one CORS and the chat's Origin check allow.
    const webPort = await freePort();
    const webOrigin = `http://127.0.0.1:${webPort}`;
    // The dashboard's server is the one proxy hop in front of the API, as in production.
    api = await startApi({ env: { TRUSTED_PROXY_HOPS: '1', CORS_ORIGINS: webOrigin } });
    if (!api.admin) throw new Error(`the API printed no first-admin credentials:\n${api.output()}`);
    const running = api;
    const chatPort = String(await freePort());
    const chatPidFile = path.join(mkdtempSync(path.join(tmpdir(), 'nexus-e2e-chat-')), 'gateway.pid');
    // A test may kill the gateway (to see the pages reconnect): it comes back on the same port.
    const superviseGateway = async (): Promise<RunningChatGateway> => {
      const started = await startChatGateway(running, { env: { CHAT_PORT: chatPort } });
      gateway = started;
      writeFileSync(chatPidFile, String(started.pid));
      void started.exited.then(async () => {
        if (stopping) return;
        for (let attempt = 1; !stopping; attempt += 1) {
          try {
            await superviseGateway();
            return;
          } catch (error) {
            if (attempt >= 5) {
              console.error('e2e: the chat gateway could not be restarted', error);
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
      });
      return started;
    };
    const chat = await superviseGateway();
    web = await startWeb(api.baseUrl, { NEXUS_CHAT_URL: chat.url }, webPort);
    browser = await chromium.launchServer({
      executablePath: loadServicesEnv().CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    project.provide('stack', { webUrl: web.url, apiUrl: api.baseUrl, chatUrl: chat.url, chatPidFile, admin: api.admin, browserEndpoint: browser.wsEndpoint() });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
