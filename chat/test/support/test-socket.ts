import { WebSocket } from 'ws';
import { serverFrameSchema, type ServerFrame } from '@nexus/sdk/chat';

/**
 * A raw WebSocket client for tests: records every server frame (validated
 * against the protocol's schema), and waits for the one a test expects.
 */
export interface TestSocket {
  ws: WebSocket;
  frames: ServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
  /** The first frame (from `from` on) matching `match`, waiting up to `timeoutMs`. */
  next<T extends ServerFrame['type']>(type: T, match?: (frame: Extract<ServerFrame, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<ServerFrame, { type: T }>>;
  close(): void;
}

export function openSocket(url: string, options: { headers?: Record<string, string>; protocols?: string[]; autoPong?: boolean } = {}): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers ?? {}, perMessageDeflate: false, autoPong: options.autoPong ?? true });
    const frames: ServerFrame[] = [];
    const waiters = new Set<() => void>();
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      frames.push(serverFrameSchema.parse(JSON.parse(data.toString())));
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
        next(type, match = () => true, timeoutMs = 10_000) {
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
    const socket = await openSocket(url, { headers });
    socket.close();
    throw new Error('the upgrade was accepted');
  } catch (error) {
    const refused = error as { status?: number; headers?: Record<string, unknown>; body?: string };
    if (refused.status === undefined) throw error;
    return { status: refused.status, headers: refused.headers ?? {}, body: refused.body ?? '' };
  }
}
