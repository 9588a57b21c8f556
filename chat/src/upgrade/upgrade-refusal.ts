import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Base of the problem `type` URIs, as in the API (api/src/lib/problem.ts). */
const PROBLEM_TYPE_BASE = 'https://nexus.dev/problems/';

/** Why an upgrade is refused: a real HTTP status with an RFC 9457 body, never a bare 400. */
export interface UpgradeRefusal {
  status: 401 | 403 | 404 | 429 | 503;
  slug: string;
  detail: string;
  headers?: Record<string, string>;
}

/**
 * Answers the upgrade request with `refusal` as problem+json and closes the
 * socket. Browsers only expose "the handshake failed", but the status and body
 * reach proxies, logs and non-browser clients.
 */
export function refuseUpgrade(socket: Duplex, refusal: UpgradeRefusal, instance: string): void {
  const title = STATUS_CODES[refusal.status] ?? 'Error';
  const body = JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${refusal.slug}`, title, status: refusal.status, detail: refusal.detail, instance });
  const headers = {
    'Content-Type': 'application/problem+json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...refusal.headers,
  };
  const head = [`HTTP/1.1 ${refusal.status} ${title}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  if (socket.writable) socket.end(`${head}\r\n\r\n${body}`);
  else socket.destroy();
}
