import { type PubSub, memoryPubSub, redisPubSub } from '@nexus/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, redisRoleBackends, sleep, testRedis, type Opened } from '../support/backends.js';

const handlerErrors: unknown[] = [];
const cases = redisRoleBackends<PubSub>(
  () => memoryPubSub((error) => handlerErrors.push(error)),
  (redis, keyPrefix) => redisPubSub(redis, { channelPrefix: keyPrefix, onHandlerError: (error) => handlerErrors.push(error) }),
  (pubsub) => pubsub.close(),
);

describe.each(cases)('pub/sub contract: $backend', (backend) => {
  let opened: Opened<PubSub>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());
  const pubsub = () => opened.subject;

  it('delivers an event to a subscriber as a copy', async () => {
    const received: unknown[] = [];
    const unsubscribe = await pubsub().subscribe('room:1', (event) => received.push(event));
    const event = { type: 'message.created', seq: 1, text: 'hello' };
    await pubsub().publish('room:1', event);
    await eventually(() => received.length === 1);
    expect(received[0]).toEqual(event);
    expect(received[0]).not.toBe(event);
    await unsubscribe();
  });

  it('delivers to every subscriber, in publish order', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = await pubsub().subscribe('room:2', (event) => a.push(event));
    const offB = await pubsub().subscribe('room:2', (event) => b.push(event));
    for (let seq = 1; seq <= 20; seq += 1) await pubsub().publish('room:2', { seq });
    await eventually(() => a.length === 20 && b.length === 20);
    const expected = Array.from({ length: 20 }, (_, i) => ({ seq: i + 1 }));
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    await offA();
    await offB();
  });

  it('publishes many events, each on its channel, in order', async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = await pubsub().subscribe('room:many-a', (event) => a.push(event));
    const offB = await pubsub().subscribe('room:many-b', (event) => b.push(event));
    await pubsub().publishMany([
      { channel: 'room:many-a', event: { seq: 1 } },
      { channel: 'room:many-b', event: { seq: 1 } },
      { channel: 'room:many-a', event: { seq: 2 } },
      { channel: 'room:many-nobody', event: { seq: 1 } },
      { channel: 'room:many-a', event: { seq: 3 } },
    ]);
    await eventually(() => a.length === 3 && b.length === 1);
    expect(a).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
    expect(b).toEqual([{ seq: 1 }]);
    await pubsub().publishMany([]);
    await offA();
    await offB();
  });

  it('stops delivering after unsubscribe, and the other subscribers go on', async () => {
    const stays: unknown[] = [];
    const leaves: unknown[] = [];
    const offStays = await pubsub().subscribe('room:3', (event) => stays.push(event));
    const offLeaves = await pubsub().subscribe('room:3', (event) => leaves.push(event));
    await pubsub().publish('room:3', 'before');
    await eventually(() => leaves.length === 1 && stays.length === 1);
    await offLeaves();
    await pubsub().publish('room:3', 'after');
    await eventually(() => stays.length === 2);
    expect(stays).toEqual(['before', 'after']);
    expect(leaves).toEqual(['before']);
    await offStays();
    await pubsub().publish('room:3', 'nobody listens');
    await sleep(50);
    expect(stays).toHaveLength(2);
  });

  it('keeps channels apart', async () => {
    const got: unknown[] = [];
    const off = await pubsub().subscribe('room:4', (event) => got.push(event));
    await pubsub().publish('room:5', 'elsewhere');
    await pubsub().publish('room:4', 'here');
    await eventually(() => got.length === 1);
    await sleep(50);
    expect(got).toEqual(['here']);
    await off();
  });

  it('keeps delivering to the others when a handler throws', async () => {
    const got: unknown[] = [];
    const before = handlerErrors.length;
    const offBad = await pubsub().subscribe('room:6', () => {
      throw new Error('bad handler');
    });
    const offGood = await pubsub().subscribe('room:6', (event) => got.push(event));
    await pubsub().publish('room:6', 1);
    await pubsub().publish('room:6', 2);
    await eventually(() => got.length === 2);
    expect(handlerErrors.length - before).toBe(2);
    await offBad();
    await offGood();
  });

  it('counts the same handler subscribed twice as two subscriptions', async () => {
    const got: unknown[] = [];
    const handler = (event: unknown) => got.push(event);
    const first = await pubsub().subscribe('room:7', handler);
    const second = await pubsub().subscribe('room:7', handler);
    await pubsub().publish('room:7', 'x');
    await eventually(() => got.length === 2);
    await first();
    await pubsub().publish('room:7', 'y');
    await eventually(() => got.length === 3);
    await second();
  });
});

// What the embedded one cannot do by design, and the reason to set REDIS_URL
// for more than one instance: fan-out between processes.
describe('pub/sub over Redis', () => {
  it('fans out between separate instances sharing one Redis', async () => {
    const one = await testRedis();
    const two = await testRedis();
    // Same prefix: two API/chat processes of one deployment.
    const instanceA = redisPubSub(one.redis, { channelPrefix: one.keyPrefix });
    const instanceB = redisPubSub(two.redis, { channelPrefix: one.keyPrefix });
    const otherDeployment = redisPubSub(two.redis, { channelPrefix: two.keyPrefix });
    try {
      const got: unknown[] = [];
      const foreign: unknown[] = [];
      await instanceB.subscribe('room:1', (event) => got.push(event));
      await otherDeployment.subscribe('room:1', (event) => foreign.push(event));
      await instanceA.publish('room:1', { from: 'A' });
      await eventually(() => got.length === 1);
      expect(got).toEqual([{ from: 'A' }]);
      await sleep(50);
      expect(foreign).toEqual([]);
    } finally {
      await Promise.all([instanceA.close(), instanceB.close(), otherDeployment.close()]);
      await one.close();
      await two.close();
    }
  });
});
