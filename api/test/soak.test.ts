import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';

const run = promisify(execFile);

/** `pnpm soak`, shortened: the report has RSS and event-loop delay at start and end for both processes, and nothing failed. */
describe('pnpm soak (short run)', () => {
  it('reports RSS and event-loop delay of the API and the chat gateway at start and end under mixed load, with no failed request', async () => {
    const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts/soak.mjs')], {
      env: { ...process.env, SOAK_SECONDS: '15', SOAK_CLIENTS: '2' },
      // It starts an API and a chat gateway, then loads them for 15 s.
      timeout: 2 * STARTUP_DEADLINE_MS + 110_000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('SOAK REPORT '));
    expect(line, stdout).toBeDefined();
    const report = JSON.parse(line!.slice('SOAK REPORT '.length));
    expect(report.failures).toBe(0);
    expect(report.requests).toBeGreaterThan(50);
    expect(report.chat.sent).toBeGreaterThan(10);
    expect(report.chat.received).toBeGreaterThan(0);
    for (const process of [report.api, report.gateway]) {
      for (const at of [process.start, process.end]) {
        expect(at.rssMb).toBeGreaterThan(10);
        expect(at.eventLoopP99Ms).toBeGreaterThan(0);
      }
      expect(typeof process.rssGrowthPercent).toBe('number');
    }
  }, 2 * STARTUP_DEADLINE_MS + 120_000);
});
