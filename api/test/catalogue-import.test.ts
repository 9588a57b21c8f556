import type { ResponseOf } from '@nexus/sdk';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportJob } from '../src/catalogue/import-job.js';
import { DEFAULT_PARSE_LIMITS } from '../src/parsing/limits.js';
import { markImportRunning } from '../src/repositories/imports.js';
import { claimJob, findJob } from '../src/repositories/jobs.js';
import { CATALOGUE_IMPORT_JOB, createCatalogueImport } from '../src/services/catalogue/catalogue-imports.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

/** An import job as the contract describes it. */
type Job = ResponseOf<'getImport'>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;

beforeAll(async () => {
  t = await startTestApp({ JOBS_POLL_MS: '100', JOBS_LEASE_SECONDS: '3', GRAPH_SYNC_INTERVAL_MS: '60000' });
  admin = await t.user('admin');
});
afterAll(async () => t?.close());

async function upload(body: Buffer | string, contentType: string, query = '') {
  const response = await t.request(`/api/imports${query}`, { method: 'POST', headers: { ...admin.auth, 'content-type': contentType }, body });
  expect(response.status, await response.clone().text()).toBe(202);
  expect(response.headers.get('location')).toMatch(/^\/api\/imports\//);
  return (await response.json()) as Job;
}

async function finished(id: string, timeoutMs = 30_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await t.request(`/api/imports/${id}`, { headers: admin.auth })).json()) as Job;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status} at ${job.rowsDone}/${job.rowsTotal}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Catalogue');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const productBySku = async (sku: string) => {
  const page = (await (await t.request(`/api/catalogue/search?q=${encodeURIComponent(sku)}&includeInactive=true`, { headers: admin.auth })).json()) as {
    items: { product: { sku: string; unitPriceMinor: number; stockQuantity: number; brand: string; modelNumbers: string[]; attributes: object; active: boolean } }[];
  };
  return page.items.find((hit) => hit.product.sku === sku)?.product;
};

describe('catalogue import', () => {
  it('imports an XLSX file: creates the good rows and rejects each bad one with its reason', async () => {
    const file = await xlsx([
      ['SKU', 'Name', 'Brand', 'Category', 'Price', 'Currency', 'Stock', 'Model Numbers', 'attr_voltage'],
      ['XL-001', 'Cordless Drill 18V', 'Acme', 'Power Tools', 199.9, 'SGD', 4, 'AC18; AC18-K', '18V'],
      ['XL-002', 'Hammer Drill 800W', 'Acme', 'Power Tools', '1,299.50', '', 0, null, null],
      [null, 'No SKU here', 'Acme', null, 10, null, null, null, null],
      ['XL-004', 'Bad price', 'Acme', null, '12,5O', null, null, null, null],
      ['XL-005', 'Negative price', 'Acme', null, -3, null, null, null, null],
      ['XL-006', null, 'Acme', null, 5, null, null, null, null],
      ['XL-007', 'Bad stock', 'Acme', null, 5, null, 'lots', null, null],
      ['xl-001', 'Same SKU again', 'Acme', null, 5, null, null, null, null],
      ['XL-009', 'Yen priced', 'Acme', null, 1500, 'JPY', 2, null, null],
    ]);
    const job = await upload(file, XLSX, '?filename=catalogue.xlsx');
    expect(job).toMatchObject({ status: 'queued', format: 'xlsx', fileName: 'catalogue.xlsx' });
    const done = await finished(job.id);
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'succeeded', rowsTotal: 9, rowsDone: 9, progress: 1, created: 3, updated: 0, rejected: 6 });
    expect(done.rejectedRows).toEqual([
      { row: 4, sku: null, reason: 'missing SKU' },
      { row: 5, sku: 'XL-004', reason: 'bad price: "12,5O" is not a number' },
      { row: 6, sku: 'XL-005', reason: 'bad price: negative' },
      { row: 7, sku: 'XL-006', reason: 'missing name' },
      { row: 8, sku: 'XL-007', reason: 'bad stock quantity: "lots"' },
      { row: 9, sku: 'xl-001', reason: 'duplicate SKU: row 2 has it already' },
    ]);
    expect(await productBySku('XL-001')).toMatchObject({ unitPriceMinor: 19990, stockQuantity: 4, brand: 'Acme', modelNumbers: ['AC18', 'AC18-K'], attributes: { voltage: '18V' } });
    expect(await productBySku('XL-002')).toMatchObject({ unitPriceMinor: 129950, stockQuantity: 0 });
    expect(await productBySku('XL-009')).toMatchObject({ unitPriceMinor: 1500 });
  });

  it('upserts by SKU: a second CSV updates changed rows, leaves equal ones, and creates relations from relation columns', async () => {
    const csv = [
      'sku,name,brand,category,price,stock,model_numbers,accessory_of,requires,active',
      'XL-001,Cordless Drill 18V,Acme,Power Tools,189.90,4,AC18;AC18-K,,XL-GOG,',
      'XL-002,Hammer Drill 800W,Acme,Power Tools,1299.50,0,,,,',
      'XL-GOG,Safety Goggles,Acme,PPE,9.90,50,,,,',
      'XL-BIT,Drill Bit Set,Acme,Accessories,19.90,10,,XL-001|XL-002|NO-SUCH-SKU,,',
      'XL-OLD,Discontinued Drill,Acme,Power Tools,50,0,,,,no',
    ].join('\n');
    const done = await finished((await upload(csv, 'text/csv; charset=utf-8')).id);
    expect(done).toMatchObject({ status: 'succeeded', rowsTotal: 5, created: 3, updated: 1, unchanged: 1, rejected: 0, relationsCreated: 3 });
    expect(done.warnings).toEqual([{ row: 5, sku: 'XL-BIT', reason: 'relation skipped: no product with SKU NO-SUCH-SKU' }]);
    expect(await productBySku('XL-001')).toMatchObject({ unitPriceMinor: 18990 });
    expect(await productBySku('XL-OLD')).toMatchObject({ active: false });

    const xl001 = (await t.deps.db.selectFrom('products').select('id').where('sku', '=', 'XL-001').executeTakeFirstOrThrow()).id;
    const relations = (await (await t.request(`/api/relations?productId=${xl001}`, { headers: admin.auth })).json()) as {
      items: { type: string; source: string }[];
    };
    expect(relations.items.map((r) => `${r.type}:${r.source}`).sort()).toEqual(['ACCESSORY_OF:import', 'REQUIRES:import']);
  });

  it('accepts multipart/form-data uploads', async () => {
    const form = new FormData();
    form.append('file', new Blob(['sku,name,price\nMP-1,Multipart Thing,1.00\n'], { type: 'text/csv' }), 'multi.csv');
    const response = await t.request('/api/imports', { method: 'POST', headers: admin.auth, body: form });
    expect(response.status).toBe(202);
    const job = (await response.json()) as Job & { fileName: string };
    expect(job.fileName).toBe('multi.csv');
    expect(await finished(job.id)).toMatchObject({ status: 'succeeded', created: 1 });
  });

  it('fails a job whose file cannot be imported, saying why', async () => {
    const noColumns = await finished((await upload('foo,bar\n1,2\n', 'text/csv')).id);
    expect(noColumns.status).toBe('failed');
    expect(noColumns.error).toMatch(/no sku, name, price column/);
    const notXlsx = await finished((await upload(Buffer.from('definitely not a zip'), XLSX)).id);
    expect(notXlsx).toMatchObject({ status: 'failed', rowsDone: 0 });
    expect(notXlsx.error).toMatch(/not an XLSX file/);
    const empty = await upload('', 'text/csv');
    expect(empty).toMatchObject({ status: 'failed', error: 'The file is empty.' });
  });

  it('refuses other media types with 415 and non-admins with 403', async () => {
    const json = await t.request('/api/imports', { method: 'POST', headers: { ...admin.auth, ...JSON_HEADERS }, body: '{}' });
    expect(json.status).toBe(415);
    const sales = await t.user('sales');
    const forbidden = await t.request('/api/imports', { method: 'POST', headers: { ...sales.auth, 'content-type': 'text/csv' }, body: 'sku,name,price' });
    expect(forbidden.status).toBe(403);
  });

  it('resumes a job left running by a crashed process exactly where its last batch ended', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `CR-${String(i).padStart(5, '0')},Crash Test Item ${i},${(i % 50) + 1}.25,${i % 7}`);
    const csv = Buffer.from(['sku,name,price,stock', ...rows].join('\n'));
    // Created and claimed in one transaction by a process that is about to crash, so the API's runner does not take it yet.
    const { job, queued } = await t.deps.db.transaction().execute(async (trx) => {
      const created = await createCatalogueImport(trx, { format: 'csv', fileName: 'crash.csv', content: csv, createdBy: admin.id });
      const claimed = await claimJob(trx, { kinds: [CATALOGUE_IMPORT_JOB], workerId: 'crashing-process', leaseSeconds: 3600, jobId: created.job!.id });
      return { job: await markImportRunning(trx, created.importJob.id), queued: claimed! };
    });
    // The crashing process commits one batch of 1,000 rows, then dies (nothing handed back, its lease left to run out).
    let batches = 0;
    const outcome = await runImportJob({ db: t.deps.db, logger: t.deps.logger }, job, {
      defaultCurrency: 'SGD',
      parseLimits: DEFAULT_PARSE_LIMITS,
      shouldStop: () => batches++ >= 1,
    });
    expect(outcome).toBe('interrupted');
    const halfway = (await (await t.request(`/api/imports/${job.id}`, { headers: admin.auth })).json()) as Job;
    expect(halfway).toMatchObject({ status: 'running', rowsTotal: 2500, rowsDone: 1000, created: 1000 });
    await t.deps.db.updateTable('jobs').set({ lease_expires_at: new Date(Date.now() - 1000) }).where('id', '=', queued.id).execute();

    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'succeeded', rowsDone: 2500, created: 2500, updated: 0, rejected: 0, attempts: 2 });
    const count = await t.deps.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).where('sku', 'like', 'CR-%').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2500);
    expect(await findJob(t.deps.db, queued.id)).toMatchObject({ status: 'done', attempts: 2, lost_leases: 1 });
  });
});
