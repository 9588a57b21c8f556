import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { FetchImplementation, PlainRequest } from '@nexus/sdk';

/** Statuses whose response has no body (a `Response` with one throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` the gateway gives its SDK clients in a standalone process:
 * `node:http` over keep-alive sockets to the API. Every message a client
 * sends is one API call, and undici's `fetch` (stream bodies, its own
 * `Request`/`Response` machinery per call) cost about three times the CPU of a
 * plain `node:http` request here (bench/README.md, bench:chat, bench:sdk).
 * The SDK still builds, authorises, times out and retries each call; this only
 * carries it. The SDK hands it each attempt as plain parts (`sendPlain`: no
 * `Request`, whose body would be a web stream), and the answer is a `Response`
 * over the bytes already read (no stream either); a `Request` (jose's JWKS
 * fetch) works too.
 *
 * Sockets are reused most-recently-freed first, so a quiet gateway keeps few
 * warm; their number is not capped (as with undici's default pool): the
 * API's database pool is what bounds the work in flight.
 */
export function apiFetch(): FetchImplementation & ((request: Request) => Promise<Response>) {
  const agents = { http: new HttpAgent({ keepAlive: true, scheduling: 'lifo' }), https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }) };
  // Host, port and protocol of each origin, parsed once: calls differ only in their paths.
  const origins = new Map<string, { secure: boolean; options: RequestOptions }>();

  function target(url: string): { secure: boolean; options: RequestOptions; path: string } {
    const schemeEnd = url.indexOf('://');
    const pathStart = schemeEnd === -1 ? -1 : url.indexOf('/', schemeEnd + 3);
    const origin = pathStart === -1 ? url : url.slice(0, pathStart);
    let known = origins.get(origin);
    if (!known) {
      const parsed = new URL(origin);
      const secure = parsed.protocol === 'https:';
      if (!secure && parsed.protocol !== 'http:') throw new TypeError(`apiFetch: unsupported protocol ${parsed.protocol}`);
      const { hostname, port, auth } = urlToHttpOptions(parsed);
      known = { secure, options: { hostname, ...(port ? { port } : {}), ...(auth ? { auth } : {}) } };
      if (origins.size < 100) origins.set(origin, known);
    }
    return { ...known, path: pathStart === -1 ? '/' : url.slice(pathStart) };
  }

  /** `onAbort` as in the SDK's `PlainRequest`; a `Request`'s signal is listened to. */
  function send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: Buffer | string | undefined,
    signal: AbortSignal,
    onAbort?: (cancel: (reason: unknown) => void) => void,
  ): Promise<Response> {
    const { secure, options, path } = target(url);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      // Not node:http's `signal` option: it listens on the signal and watches the request's
      // stream, which costs more than the rest of this function.
      const cancel = () => outgoing.destroy(signal.reason);
      const fail = (error: unknown) => {
        if (!onAbort) signal.removeEventListener('abort', cancel);
        reject(signal.aborted ? signal.reason : error);
      };
      const onResponse = (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('end', () => {
          if (!onAbort) signal.removeEventListener('abort', cancel);
          const status = incoming.statusCode ?? 502;
          const bytes = NULL_BODY_STATUSES.has(status) ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          resolve(new ReadResponse(bytes, { status, statusText: incoming.statusMessage ?? '' }, incoming.rawHeaders, url) as unknown as Response);
        });
      };
      if (signal.aborted) return reject(signal.reason);
      const requestOptions: RequestOptions = { ...options, path, method, headers, agent: secure ? agents.https : agents.http };
      const outgoing = secure ? httpsRequest(requestOptions, onResponse) : httpRequest(requestOptions, onResponse);
      if (onAbort) onAbort(cancel);
      else signal.addEventListener('abort', cancel, { once: true });
      outgoing.on('error', fail);
      outgoing.end(body);
    });
  }

  async function fetchOverNodeHttp(request: Request): Promise<Response> {
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    return send(request.method, request.url, headers, body, request.signal);
  }

  async function sendPlain(plain: PlainRequest): Promise<Response> {
    const { method, url, headers, body, signal, onAbort } = plain;
    if (body === null || typeof body === 'string') return send(method, url, { ...headers }, body ?? undefined, signal, onAbort);
    // A form or bytes: let a Request encode it (a form's boundary goes into its content type).
    return fetchOverNodeHttp(new Request(url, { method, headers, body, signal }));
  }

  return Object.assign(fetchOverNodeHttp, { sendPlain });
}

/**
 * A `Response` over a body already read into memory: `text()`, `json()` and the rest
 * answer from the bytes, without the web stream a `Response` body would cost.
 */
// Typed as a plain base: the DOM typings declare Response's members as properties, which a subclass cannot override.
const ResponseBase = Response as unknown as new (body: null, init: ResponseInit) => object;

class ReadResponse extends ResponseBase {
  readonly #bytes: Buffer | null;
  readonly #init: ResponseInit;
  readonly #rawHeaders: string[];
  readonly #url: string;
  #headers: Headers | undefined;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  /** `rawHeaders` as node:http gives them (name, value, name, value, …); made into `Headers` when first asked for. */
  constructor(bytes: Buffer | null, init: ResponseInit, rawHeaders: string[], url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#init = init;
    this.#rawHeaders = rawHeaders;
    this.#url = url;
  }

  get headers(): Headers {
    if (this.#headers === undefined) {
      const headers = new Headers();
      const raw = this.#rawHeaders;
      for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      this.#headers = headers;
    }
    return this.#headers;
  }

  get url(): string {
    return this.#url;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) this.#stream = this.#bytes === null ? null : new Blob([this.#bytes]).stream();
    return this.#stream;
  }

  get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false);
  }

  #take(): Buffer {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes ?? Buffer.alloc(0);
  }

  async text(): Promise<string> {
    const bytes = this.#take();
    // As TextDecoder (what Response.text() uses): a UTF-8 byte order mark is not text.
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return bytes.toString('utf8', start);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async blob(): Promise<Blob> {
    const bytes = this.#take();
    return new Blob([bytes], { type: this.headers.get('content-type') ?? '' });
  }

  async formData(): Promise<FormData> {
    const bytes = this.#take();
    return new Response(bytes, { headers: this.headers }).formData();
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new ReadResponse(this.#bytes, this.#init, this.#rawHeaders, this.#url) as unknown as Response;
  }
}
