import { WebSocket, type ClientOptions } from 'ws';

/**
 * A raw WebSocket client for tests: records every server frame and waits for
 * the one a test expects. It imports nothing of the workspace (no
 * `@nexus/sdk`), so the deploy tests under scripts/test, which vitest runs
 * without the workspace's source conditions, share it with chat/test;
 * `test-socket.ts` adds the protocol's frame schema for chat's own tests.
 */
export interface FrameSocket<F extends { type: string }> {
  ws: WebSocket;
  frames: F[];
  closed: Promise<{ code: number; reason: string }>;
  /** Sends an object as JSON, a string as it is (to test malformed frames). */
  send(frame: unknown): void;
  /** The first frame so far or to come of that type matching `match`, waiting up to `timeoutMs`. */
  next<T extends F['type']>(type: T, match?: (frame: Extract<F, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<F, { type: T }>>;
  close(): void;
}

export interface FrameSocketOptions<F> {
  headers?: Record<string, string>;
  protocols?: string[];
  autoPong?: boolean;
  /** Trusted certificates for `wss://` to a self-signed server. */
  ca?: ClientOptions['ca'];
  /** Reads a frame's parsed JSON: validate it here. */
  parse?: (frame: unknown) => F;
  /** How long `next` waits unless told otherwise. */
  timeoutMs?: number;
}

/** Opens the socket; a refused upgrade rejects with its `status`, `headers` and `body`. */
export function openFrameSocket<F extends { type: string }>(url: string, options: FrameSocketOptions<F> = {}): Promise<FrameSocket<F>> {
  const parse = options.parse ?? ((frame: unknown) => frame as F);
  const defaultTimeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], {
      headers: options.headers ?? {},
      perMessageDeflate: false,
      autoPong: options.autoPong ?? true,
      ...(options.ca !== undefined ? { ca: options.ca } : {}),
    });
    const frames: F[] = [];
    const waiters = new Set<() => void>();
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      frames.push(parse(JSON.parse(data.toString())));
      for (const waiter of [...waiters]) waiter();
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk));
      response.on('end', () => reject(Object.assign(new Error(`upgrade answered ${response.statusCode}`), { status: response.statusCode, headers: response.headers, body })));
    });
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      ws.on('error', () => {});
      resolve({
        ws,
        frames,
        closed,
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        close: () => ws.close(),
        next(type, match = () => true, timeoutMs = defaultTimeoutMs) {
          return new Promise((found, fail) => {
            let seen = 0;
            const check = () => {
              for (; seen < frames.length; seen += 1) {
                const frame = frames[seen]!;
                if (frame.type === type && match(frame as never)) {
                  waiters.delete(check);
                  clearTimeout(timer);
                  found(frame as never);
                  return;
                }
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(frames.map((f) => f.type))}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
      });
    });
  });
}

/** An upgrade expected to be refused: resolves with its status, headers and body. */
export async function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  try {
    const socket = await openFrameSocket(url, { headers });
    socket.close();
    throw new Error('the upgrade was accepted');
  } catch (error) {
    const refused = error as { status?: number; headers?: Record<string, unknown>; body?: string };
    if (refused.status === undefined) throw error;
    return { status: refused.status, headers: refused.headers ?? {}, body: refused.body ?? '' };
  }
}
