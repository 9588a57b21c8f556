import type { Problem, ResponseOf } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp({ IMPORT_POLL_MS: '100', GRAPH_SYNC_INTERVAL_MS: '60000' });
  admin = await t.user('admin');
});
afterAll(async () => t?.close());

type Job = ResponseOf<'getImport'>;

async function finished(id: string): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await (await t.request(`/api/imports/${id}`, { headers: admin.auth })).json()) as Job;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('NUL characters in uploads', () => {
  it('reject only the catalogue row whose attributes JSON holds \\u0000; the other rows import', async () => {
    const csv = [
      'sku,name,price,attributes',
      'NUL-1,First fine thing,1.00,"{""voltage"":""18V""}"',
      'NUL-2,Poisoned thing,2.00,"{""note"":""a\\u0000b""}"',
      'NUL-3,Second fine thing,3.00,',
    ].join('\n');
    const response = await t.request('/api/imports', { method: 'POST', headers: { ...admin.auth, 'content-type': 'text/csv' }, body: csv });
    expect(response.status).toBe(202);
    const job = await finished(((await response.json()) as Job).id);
    expect(job).toMatchObject({ status: 'succeeded', created: 2, rejected: 1 });
    expect(job.rejectedRows).toEqual([expect.objectContaining({ sku: 'NUL-2', reason: expect.stringMatching(/NUL/) })]);
  });

  it('answer a NUL in a multipart file name with 400, not 500', async () => {
    const form = new FormData();
    form.append('file', new Blob(['sku,name,price\nFN-1,Thing,1.00\n'], { type: 'text/csv' }), 'price\u0000list.csv');
    const response = await t.request('/api/imports', { method: 'POST', headers: admin.auth, body: form });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await response.json()) as Problem).errors![0]!.path).toBe('body.file');
  });
});
