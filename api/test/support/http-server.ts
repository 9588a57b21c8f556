import { serve, type ServerType } from '@hono/node-server';
import type { TestApp } from './harness.js';

/**
 * Serves a test app on a real loopback socket, for behaviour that depends on
 * the connection (the client address, concurrency of real requests).
 */
export async function listen(t: TestApp): Promise<{ url: string; close(): Promise<void> }> {
  let server: ServerType | undefined;
  const url = await new Promise<string>((resolve) => {
    server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}`));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}
