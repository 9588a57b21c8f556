// A real HTTP server on 127.0.0.1 for the SDK's tests: records every request and
// answers with whatever the test's handler says.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is; undefined as an empty body. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replaces the handler (the default answers 200 `{ items: [], nextCursor: null }`). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export const emptyPage: Handler = () => ({ body: { items: [], nextCursor: null } });

export async function startRecordingServer(handler: Handler = emptyPage): Promise<RecordingServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    requests.push(recorded);
    const reply = await current(recorded, requests.length - 1);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const headers: Record<string, string> = { ...reply.headers };
    let payload = '';
    if (typeof reply.body === 'string') payload = reply.body;
    else if (reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      headers['content-type'] ??= (reply.status ?? 200) >= 400 ? 'application/problem+json' : 'application/json';
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
