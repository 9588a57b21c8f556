/**
 * Fan-out of events to every subscriber of a channel, in every instance that
 * shares the backend. Events are JSON values: each handler receives its own
 * copy, never the publisher's object. At-most-once: a subscriber that is not
 * listening when an event is published never sees it (durable data lives in
 * PostgreSQL; clients catch up from there).
 */
export interface PubSub {
  publish(channel: string, event: unknown): Promise<void>;
  /** Publishes each event on its channel, in order, in one round trip where the backend allows it. */
  publishMany(events: ReadonlyArray<{ channel: string; event: unknown }>): Promise<void>;
  /**
   * Calls `handler` with each event published on `channel` from the moment the
   * returned promise resolves until `unsubscribe` is called. Validate what
   * arrives: it is whatever a publisher sent.
   */
  subscribe(channel: string, handler: (event: unknown) => void): Promise<Unsubscribe>;
  /** Stops delivering and releases connections. */
  close(): Promise<void>;
}

export type Unsubscribe = () => Promise<void>;

/** A handler that throws must not stop delivery to the others; it is reported instead. */
export type HandlerErrorSink = (error: unknown, channel: string) => void;
