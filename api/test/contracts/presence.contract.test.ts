import { type Presence, memoryPresence, redisPresence } from '@nexus/realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisRoleBackends, sleep, type Opened } from '../support/backends.js';

describe.each(redisRoleBackends(memoryPresence, redisPresence))('presence contract: $backend', (backend) => {
  let opened: Opened<Presence>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());
  const presence = () => opened.subject;

  it('lists who entered, sorted, per room', async () => {
    await presence().enter('room-1', 'zoe', 30);
    await presence().enter('room-1', 'adam', 30);
    await presence().enter('room-2', 'mia', 30);
    expect(await presence().members('room-1')).toEqual(['adam', 'zoe']);
    expect(await presence().members('room-2')).toEqual(['mia']);
    expect(await presence().members('empty')).toEqual([]);
  });

  it('drops who left', async () => {
    await presence().leave('room-1', 'zoe');
    await presence().leave('room-1', 'nobody');
    expect(await presence().members('room-1')).toEqual(['adam']);
  });

  it('drops a member whose entry was not renewed in time, and keeps one that was', async () => {
    await presence().enter('room-3', 'gone', 0.3);
    await presence().enter('room-3', 'renewed', 0.3);
    await sleep(200);
    await presence().enter('room-3', 'renewed', 0.5);
    await sleep(200);
    expect(await presence().members('room-3')).toEqual(['renewed']);
    await sleep(400);
    expect(await presence().members('room-3')).toEqual([]);
  });
});
