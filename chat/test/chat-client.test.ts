// The SDK's chat client in Node (on `ws`) against two real gateways: it
// reconnects to the other instance when one is SIGKILLed, rejoins with since,
// resends what was not acknowledged, and delivers every message exactly once.
import { randomUUID } from 'node:crypto';
import { createChatClient, type ChatWebSocket, type ServerFrame } from '@nexus/sdk/chat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startApi, startChatGateway, type RunningApi, type RunningChatGateway, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { admin, newPerson, type Person } from './support/people.js';

let api: RunningApi;
let gatewayA: RunningChatGateway;
let gatewayB: RunningChatGateway;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  api = await startApi();
  [gatewayA, gatewayB] = await Promise.all([startChatGateway(api), startChatGateway(api)]);
  ada = await admin(api);
  bob = await newPerson(api.baseUrl, ada, 'Bob');
}, 2 * STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  await Promise.all([gatewayA?.stop(), gatewayB?.stop()]);
  await api?.stop();
});

const nodeWebSocket = (url: string, protocols: string[], headers: Record<string, string>) => new WebSocket(url, protocols, { headers, perMessageDeflate: false }) as unknown as ChatWebSocket;

describe('the SDK chat client', () => {
  it('survives a SIGKILL of its gateway: reconnects to another instance, loses and duplicates nothing', async () => {
    const { data: conversation } = await ada.api.call('createConversation', { body: { title: 'Client', memberIds: [bob.id] } });
    const urls = [gatewayA.url, gatewayB.url];
    let connects = 0;
    const client = createChatClient({
      url: () => urls[Math.min(connects++, 1)]!,
      credentials: { token: () => ada.accessToken },
      webSocket: nodeWebSocket,
      backoff: { baseMs: 50, maxMs: 500 },
    });
    const states: string[] = [client.state()];
    client.onState((state) => states.push(state));
    const seen: number[] = [];
    client.on('message', (frame: Extract<ServerFrame, { type: 'message' }>) => seen.push(frame.message.seq));
    const joined = new Promise((resolve) => client.on('joined', resolve));
    client.join(conversation.id, 0);
    await joined;

    const acks = [];
    for (let i = 0; i < 10; i += 1) acks.push(client.send(conversation.id, `before ${i}`));
    await Promise.all(acks.slice(0, 3));
    await gatewayA.stop('SIGKILL');
    // Meanwhile bob posts through the API: the client must get these after rejoining.
    for (let i = 0; i < 5; i += 1) await bob.api.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: `while down ${i}`, clientMessageId: randomUUID() } });
    for (let i = 0; i < 5; i += 1) acks.push(client.send(conversation.id, `after ${i}`));
    const acknowledged = await Promise.all(acks);

    const { data } = await ada.api.call('listMessages', { params: { path: { id: conversation.id }, query: { after: 0, limit: 200 } } });
    expect(data.items).toHaveLength(20);
    const deadline = Date.now() + 15_000;
    while (seen.length < 20 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual(data.items.map((message) => message.seq));
    expect(new Set(acknowledged.map((ack) => ack.seq)).size).toBe(15);
    expect(client.unacknowledged()).toBe(0);
    expect(connects).toBeGreaterThanOrEqual(2);
    client.close();
    // What a page shows while this happens: connecting, live, reconnecting after the kill, live again, closed.
    expect(states[0]).toBe('connecting');
    expect(states.slice(1, 4)).toEqual(['open', 'reconnecting', 'open']);
    expect(states.at(-1)).toBe('closed');
    expect(client.state()).toBe('closed');
  }, 90_000);
});
