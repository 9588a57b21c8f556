/**
 * How long a message that arrived ahead of its predecessor waits for it. The
 * API publishes each message after its commit; two posts to one conversation
 * committed back to back can be published in the other order (each API
 * process answers its database connections in whatever order they become
 * readable, and several API processes publish independently), usually
 * microseconds apart. A predecessor that is still missing after this long
 * was lost: the held messages go out and each listener fills the gap from
 * the API.
 */
export const REORDER_WAIT_MS = 150;

export interface SeqOrder<T> {
  /** Delivers `item` now if it is next (or the first seen, or older than what was delivered), otherwise holds it. */
  push(item: T): void;
  /**
   * Tells it the newest seq known to be stored (a join read it from the API): the
   * next message expected is the one after. Without it, the first message seen
   * after subscribing is taken as the start, even if it overtook its predecessor.
   */
  stored(seq: number): void;
  /** Messages held back, waiting for a predecessor. */
  readonly held: number;
  /** Drops what is held and stops the timer. */
  close(): void;
}

/**
 * Puts one conversation's live messages back in seq order before they reach
 * the gateway's listeners. Without it, one message published ahead of its
 * predecessor made every local member of the conversation see a gap and ask
 * the API for the missing message — in a room of 1,000 members, 1,000 API
 * calls for one reordering (bench:chat's one-room phase: 2,603 such calls in
 * 10 s, p99 6.7 s). Now the gateway waits up to `waitMs` for the predecessor
 * once, for everyone. Listeners still filter by seq and fill real gaps
 * themselves: nothing here is needed for correctness, only for cost.
 */
export function seqOrder<T>(seqOf: (item: T) => number, deliver: (item: T) => void, waitMs: number = REORDER_WAIT_MS): SeqOrder<T> {
  /** The highest seq delivered; unknown until the first message. */
  let delivered: number | undefined;
  const held = new Map<number, T>();
  let timer: NodeJS.Timeout | undefined;

  const send = (item: T) => {
    const seq = seqOf(item);
    if (delivered === undefined || seq > delivered) delivered = seq;
    deliver(item);
  };

  /** Delivers what is held, in order, as long as it continues from `delivered`. */
  const drain = () => {
    for (let next = held.get(delivered! + 1); next !== undefined; next = held.get(delivered! + 1)) {
      held.delete(delivered! + 1);
      send(next);
    }
    if (held.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };

  /** The wait is over: what is held goes out in order, gaps and all. */
  const release = () => {
    timer = undefined;
    const items = [...held.entries()].sort(([a], [b]) => a - b);
    held.clear();
    for (const [, item] of items) send(item);
  };

  return {
    push(item) {
      const seq = seqOf(item);
      if (delivered !== undefined && seq > delivered + 1) {
        held.set(seq, item);
        timer ??= setTimeout(release, waitMs);
        return;
      }
      send(item);
      drain();
    },
    stored(seq) {
      if (delivered !== undefined && seq <= delivered) return;
      delivered = seq;
      drain();
    },
    get held() {
      return held.size;
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
      held.clear();
    },
  };
}
