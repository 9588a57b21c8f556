#!/usr/bin/env node
// The whole test suite (`npm test` after bootstrap): type checks, the
// contract's breaking-change gate, every package's vitest suite against the
// real services, the API's suites again on the embedded backends, the
// dashboard, the production deployment (scripts/test/) and the Schemathesis
// contract run. Every step runs; the command fails if any step failed.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT } from './lib/test-stack.mjs';

const results = path.join(REPO_ROOT, 'test-results');
mkdirSync(results, { recursive: true });

const vitestPackages = ['api', 'sdk', 'chat'].filter((dir) => existsSync(path.join(REPO_ROOT, dir, 'vitest.config.ts')));

const steps = [
  { name: 'typecheck', cmd: 'pnpm', args: ['-r', '--workspace-concurrency=1', 'run', 'typecheck'] },
  // openapi/openapi.json against the last release's contract: prints the changelog, fails on unapproved breaking changes.
  { name: 'contract gate (oasdiff)', cmd: 'node', args: ['scripts/contract-gate.mjs'] },
  ...vitestPackages.map((dir) => ({
    name: `${dir} tests`,
    cmd: 'pnpm',
    args: ['--filter', `./${dir}`, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, `${dir}-vitest.json`)}`],
    report: path.join(results, `${dir}-vitest.json`),
  })),
  // The API suites once more on the single-machine backends that `npm start` uses
  // (PGlite, Redis roles in-process). Left out: what does not depend on the backend
  // (the contract suites already run against both; Swagger UI in Chromium).
  ...(vitestPackages.includes('api')
    ? [
        {
          name: 'api tests (embedded)',
          cmd: 'pnpm',
          args: [
            '--filter', './api', 'exec', 'vitest', 'run',
            '--exclude', 'test/contracts/**', '--exclude', 'test/embedded-*.test.ts', '--exclude', 'test/swagger-ui.test.ts',
            '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'api-embedded-vitest.json')}`,
          ],
          env: { NEXUS_TEST_BACKEND: 'embedded' },
          report: path.join(results, 'api-embedded-vitest.json'),
        },
      ]
    : []),
  // The dashboard: svelte-check, then its end-to-end suite (builds it once, runs it on the real API in Chromium).
  ...(existsSync(path.join(REPO_ROOT, 'web', 'vitest.e2e.config.ts'))
    ? [
        { name: 'web svelte-check', cmd: 'pnpm', args: ['--filter', './web', 'run', 'check'] },
        {
          name: 'web e2e (chromium)',
          cmd: 'pnpm',
          args: ['--filter', './web', 'exec', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'web-e2e-vitest.json')}`],
          report: path.join(results, 'web-e2e-vitest.json'),
        },
      ]
    : []),
  // The production deployment (scripts/test/): docker-compose.production.yml with docker compose v2, each
  // service's `pnpm deploy --prod` output started with the compose environment, nginx in front. After the
  // dashboard's e2e step, whose build it reuses. Run with the chat package's vitest (it has ws).
  {
    name: 'deploy tests',
    cmd: 'pnpm',
    args: ['--filter', './chat', 'exec', 'vitest', 'run', '--root', '..', '--dir', '../scripts/test', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'deploy-vitest.json')}`],
    report: path.join(results, 'deploy-vitest.json'),
  },
  { name: 'contract (schemathesis)', cmd: 'node', args: ['scripts/contract-test.mjs'] },
];

// What failed, by name, for the summary: CI shows only the tail of the output.
function failuresIn(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(REPO_ROOT, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failed) {
      lines.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (failed.length === 0 && file.status === 'failed') lines.push(`${where}: ${firstLine(file.message)}`);
  }
  return lines;
}

function firstLine(text) {
  const line = String(text ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
  return plain.length > 240 ? `${plain.slice(0, 240)}…` : plain;
}

const outcome = [];
let passedTests = 0;
let failedTests = 0;
for (const step of steps) {
  process.stdout.write(`\n\x1b[1m── ${step.name} ──\x1b[0m\n`);
  if (step.report) rmSync(step.report, { force: true });
  const started = Date.now();
  const run = await execa(step.cmd, step.args, { cwd: REPO_ROOT, stdio: 'inherit', reject: false, env: step.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts = '';
  let failures = [];
  if (step.report && existsSync(step.report)) {
    const report = JSON.parse(readFileSync(step.report, 'utf8'));
    passedTests += report.numPassedTests;
    failedTests += report.numFailedTests;
    counts = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    failures = failuresIn(report);
  } else if (step.report) {
    failedTests += 1;
    counts = 'no report';
  }
  outcome.push({ step: step.name, ok: run.exitCode === 0, seconds, counts, failures });
}

process.stdout.write('\n\x1b[1m── summary ──\x1b[0m\n');
for (const { step, ok, seconds, counts } of outcome) {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${step.padEnd(26)} ${seconds.padStart(6)} s  ${counts}\n`);
}
const named = outcome.filter((o) => o.failures.length > 0);
if (named.length > 0) {
  process.stdout.write('failed:\n');
  for (const { step, failures } of named) {
    for (const failure of failures) process.stdout.write(`  [${step}] ${failure}\n`);
  }
}
const failedSteps = outcome.filter((o) => !o.ok).length;
const stepsPassed = outcome.length - failedSteps;
// Steps without per-test counts (typecheck, contract) count as one test each.
const stepTests = outcome.filter((o) => !o.counts);
const total = {
  passed: passedTests + stepTests.filter((o) => o.ok).length,
  failed: failedTests + stepTests.filter((o) => !o.ok).length,
};
process.stdout.write(`steps: ${stepsPassed} passed, ${failedSteps} failed\n`);
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed\n`);
process.exit(failedSteps === 0 && total.failed === 0 ? 0 : 1);
