import { createNexusClient, type NexusClient } from '@nexus/sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestDatabase, restartApi, startApi, STARTUP_DEADLINE_MS, type RunningApi } from '../../scripts/lib/test-stack.mjs';
import { redisEphemeralStores } from '../src/infra/ephemeral-stores.js';
import { DOCUMENT_EVENTS_CHANNEL, type DocumentEvent } from '../src/services/documents/index.js';
import { pdfTwoPages } from './support/rfq-corpus.js';

// Issue 12: "SIGKILL of the process during a job, then a restart, completes the
// job exactly once" — the real API process, killed while it reads an RFQ
// document, started again on the same database: the document ends extracted
// with one set of items, one `document.processed` event (watched on Redis,
// where the API publishes it) and one activity entry.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let api: RunningApi;
let env: Record<string, string>;
let admin: RunningApi['admin'];
let client: NexusClient;
const events: DocumentEvent[] = [];
let closeWatcher: () => Promise<void> = async () => {};

async function signIn(): Promise<NexusClient> {
  const answer = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  expect(answer.status, api.output()).toBe(200);
  const { accessToken } = (await answer.json()) as { accessToken: string };
  return createNexusClient({ baseUrl: api.baseUrl, token: accessToken, retry: false });
}

beforeAll(async () => {
  api = await startApi({ env: { JOBS_POLL_MS: '100', JOBS_LEASE_SECONDS: '2', GRAPH_SYNC_INTERVAL_MS: '60000' }, keepDatabase: true });
  env = api.env;
  admin = api.admin;
  client = await signIn();
  const stores = await redisEphemeralStores(env['REDIS_URL']!, env['REDIS_KEY_PREFIX']!, pino({ level: 'silent' }));
  const unsubscribe = await stores.pubsub.subscribe(DOCUMENT_EVENTS_CHANNEL, (event) => events.push(event as DocumentEvent));
  closeWatcher = async () => {
    await unsubscribe();
    await stores.close();
  };
}, STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  await closeWatcher();
  await api?.stop('SIGKILL');
  if (env) await dropTestDatabase(env['DATABASE_URL']!);
});

describe('an API process killed while it reads a document', () => {
  it('reads the document exactly once after the restart', async () => {
    const bytes = await pdfTwoPages.bytes();
    const { data: created } = await client.call('uploadDocument', { body: { file: new File([new Uint8Array(bytes)], pdfTwoPages.fileName) } });

    // Killed once the job has it (processing: the parse runs in its worker thread).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { data } = await client.call('getDocument', { params: { path: { id: created.id } } });
      expect(data.status, JSON.stringify(data)).not.toBe('extracted');
      if (data.status === 'processing') break;
      if (Date.now() > deadline) throw new Error(`never processing: ${JSON.stringify(data)}`);
      await sleep(30);
    }
    expect(await api.stop('SIGKILL')).toBe('SIGKILL');
    api = await restartApi(env);
    client = await signIn();

    const until = Date.now() + 240_000;
    let read = (await client.call('getDocument', { params: { path: { id: created.id } } })).data;
    while (read.status !== 'extracted' && read.status !== 'failed') {
      if (Date.now() > until) throw new Error(`still ${read.status}`);
      await sleep(200);
      read = (await client.call('getDocument', { params: { path: { id: created.id } } })).data;
    }
    expect(read.status, read.error ?? '').toBe('extracted');
    expect(read.items.map((item) => item.description)).toEqual(pdfTwoPages.items.map((e) => e.description));
    expect(new Set(read.items.map((item) => item.position)).size).toBe(pdfTwoPages.items.length);

    // Given time to show a duplicate, if there were one.
    const settle = Date.now() + 5_000;
    while (!events.some((e) => e.documentId === created.id) && Date.now() < settle + 15_000) await sleep(100);
    await sleep(Math.max(0, settle - Date.now()));
    expect(events.filter((e) => e.documentId === created.id).map((e) => e.type)).toEqual(['document.processed']);
    const { data: activity } = await client.call('listActivity', { params: { query: { entityType: 'document', entityId: created.id, limit: 50 } } });
    expect(activity.items.filter((entry) => entry.action === 'document.processed')).toHaveLength(1);
  }, STARTUP_DEADLINE_MS + 360_000);
});
