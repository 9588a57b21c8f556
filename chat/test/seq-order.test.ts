import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { seqOrder } from '../src/gateway/seq-order.js';

function ordered(waitMs = 10_000) {
  const out: number[] = [];
  const order = seqOrder<number>((seq) => seq, (seq) => out.push(seq), waitMs);
  return { out, order };
}

describe("a conversation's live messages put back in seq order (gateway/seq-order.ts)", () => {
  it('delivers messages that arrive in order at once', () => {
    const { out, order } = ordered();
    for (const seq of [7, 8, 9]) order.push(seq);
    expect(out).toEqual([7, 8, 9]);
    expect(order.held).toBe(0);
  });

  it('holds a message that overtook its predecessor and delivers both in order when the predecessor arrives', () => {
    const { out, order } = ordered();
    order.push(1);
    order.push(3);
    order.push(4);
    expect(out).toEqual([1]);
    expect(order.held).toBe(2);
    order.push(2);
    expect(out).toEqual([1, 2, 3, 4]);
    expect(order.held).toBe(0);
  });

  it('passes on a message older than what was delivered (the listeners drop what they already have)', () => {
    const { out, order } = ordered();
    order.push(5);
    order.push(3);
    order.push(6);
    expect(out).toEqual([5, 3, 6]);
  });

  it('releases what it holds, in order, when the predecessor does not come within the wait', async () => {
    const { out, order } = ordered(20);
    order.push(1);
    order.push(4);
    order.push(3);
    expect(out).toEqual([1]);
    await sleep(200);
    expect(out).toEqual([1, 3, 4]);
    // Delivery goes on from the highest seq released.
    order.push(5);
    expect(out).toEqual([1, 3, 4, 5]);
  });

  it('expects the message after the newest stored seq it is told of, even as the first it sees', () => {
    const { out, order } = ordered();
    order.stored(10);
    order.push(12);
    expect(out).toEqual([]);
    order.push(11);
    expect(out).toEqual([11, 12]);
    // An older stored seq changes nothing.
    order.stored(5);
    order.push(13);
    expect(out).toEqual([11, 12, 13]);
  });

  it('forgets what it holds when closed', async () => {
    const { out, order } = ordered(20);
    order.push(1);
    order.push(3);
    order.close();
    await sleep(100);
    expect(out).toEqual([1]);
    expect(order.held).toBe(0);
  });
});
