#!/usr/bin/env node
// Runs the Nexus processes against the local services (see scripts/services),
// forwarding Ctrl-C so each shuts down cleanly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { applyServicesEnv } from './lib/services-env.mjs';
import { REPO_ROOT } from './lib/test-stack.mjs';

applyServicesEnv();
const processes = [
  { name: 'api', cwd: path.join(REPO_ROOT, 'api'), cmd: path.join(REPO_ROOT, 'api/node_modules/.bin/tsx'), args: ['src/server.ts'] },
];

const children = processes.map(({ name, cwd, cmd, args }) => {
  const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`nexus: ${name} exited (${signal ?? code}); stopping the rest.\n`);
      stop(code ?? 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
