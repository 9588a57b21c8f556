// fetch over XMLHttpRequest, for browsers. It is the one web API that reports a
// request body going out (`xhr.upload.onprogress`): fetch has no such event, and
// streaming a body to count it needs HTTP/2. Pass it as the client's `fetch` (or
// only for uploads) to have `onUploadProgress` called.
import type { FetchContext } from './client-options.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
// Headers a page may not set: the browser refuses them (and says so on the console).
const FORBIDDEN_HEADER =
  /^(accept-charset|accept-encoding|access-control-request-[a-z-]+|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-[a-z-]+|sec-[a-z-]+)$/i;

// The part of XMLHttpRequest used here, typed without the DOM library (the SDK's
// sources are also compiled for Node, where there is none).
interface UploadProgressEvent {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  getAllResponseHeaders(): string;
  send(body: ArrayBuffer | null): void;
  abort(): void;
  responseType: string;
  withCredentials: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly response: unknown;
  readonly upload: { onprogress: ((event: UploadProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A fetch on `XMLHttpRequest` that reports upload progress to the call's
 * `onUploadProgress`. Browsers only (it throws a `TypeError` where there is no
 * `XMLHttpRequest`). Aborting the request's signal aborts the transfer.
 *
 * @example
 * import { createNexusClient, xhrFetch } from '@nexus/sdk';
 *
 * const client = createNexusClient({ baseUrl: '', fetch: xhrFetch });
 * await client.call('uploadDocument', {
 *   body: { file },
 *   onUploadProgress: ({ loaded, total }) => (progressBar.value = loaded / total),
 * });
 */
export async function xhrFetch(request: Request, context: FetchContext = {}): Promise<Response> {
  const Xhr = (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
  if (typeof Xhr !== 'function') throw new TypeError('xhrFetch needs XMLHttpRequest (a browser); elsewhere use fetch');
  const { signal } = request;
  if (signal.aborted) throw signal.reason;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();

  return new Promise<Response>((resolve, reject) => {
    const xhr = new Xhr();
    xhr.open(request.method, request.url);
    xhr.responseType = 'arraybuffer';
    xhr.withCredentials = request.credentials === 'include';
    request.headers.forEach((value, name) => {
      if (!FORBIDDEN_HEADER.test(name)) xhr.setRequestHeader(name, value);
    });
    const listener = context.onUploadProgress;
    if (listener && body) {
      xhr.upload.onprogress = (event) => listener({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.byteLength });
    }
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    const settle = (outcome: () => void) => {
      signal.removeEventListener('abort', abort);
      outcome();
    };
    xhr.onload = () =>
      settle(() =>
        resolve(
          new Response(NULL_BODY_STATUSES.has(xhr.status) ? null : (xhr.response as ArrayBuffer), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: headersOf(xhr.getAllResponseHeaders()),
          }),
        ),
      );
    xhr.onerror = () => settle(() => reject(new TypeError(`${request.method} ${request.url}: the request failed`)));
    xhr.onabort = () => settle(() => reject(signal.aborted ? signal.reason : new DOMException('The request was aborted', 'AbortError')));
    xhr.send(body);
  });
}
