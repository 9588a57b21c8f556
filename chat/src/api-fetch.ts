import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Statuses whose response has no body (a `Response` with one throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` the gateway gives its SDK clients in a standalone process:
 * `node:http` over keep-alive sockets to the API. Every message a client
 * sends is one API call, and undici's `fetch` (stream bodies, its own
 * `Request`/`Response` machinery per call) cost about three times the CPU of a
 * plain `node:http` request here (bench/README.md, bench:chat). The SDK still
 * builds, authorises, times out and retries each call; this only carries it.
 *
 * Sockets are reused most-recently-freed first, so a quiet gateway keeps few
 * warm; their number is not capped (as with undici's default pool): the
 * API's database pool is what bounds the work in flight.
 */
export function apiFetch(): (request: Request) => Promise<Response> {
  const http = new HttpAgent({ keepAlive: true, scheduling: 'lifo' });
  const https = new HttpsAgent({ keepAlive: true, scheduling: 'lifo' });

  return async function fetchOverNodeHttp(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') throw new TypeError(`apiFetch: unsupported protocol ${url.protocol}`);
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    if (body !== undefined) headers['content-length'] = String(body.length);

    return new Promise<Response>((resolve, reject) => {
      const onResponse = (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 502;
          const responseHeaders = new Headers();
          const raw = incoming.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!);
          const response = new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
            status,
            statusText: incoming.statusMessage ?? '',
            headers: responseHeaders,
          });
          // A constructed Response has an empty `url`; the SDK's error messages name it.
          Object.defineProperty(response, 'url', { value: request.url });
          resolve(response);
        });
      };
      const options = { method: request.method, headers, agent: secure ? https : http, signal: request.signal };
      const outgoing = secure ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
