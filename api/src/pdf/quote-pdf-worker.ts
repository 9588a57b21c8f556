import { parentPort } from 'node:worker_threads';
import { renderQuotePdf, type QuoteDocument } from './quote-pdf.js';

/**
 * A rendering thread of the PDF pool (pdf-renderer.ts): one job at a time,
 * a QuoteDocument in, the PDF's bytes out (transferred, not copied).
 */
export interface RenderJob {
  id: number;
  document: QuoteDocument;
}
export type RenderResult = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('quote-pdf-worker runs as a worker thread');

port.on('message', (job: RenderJob) => {
  renderQuotePdf(job.document).then(
    (buffer) => {
      // A small Buffer may sit in Node's shared pool, which must not be transferred away: copy it then.
      const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
      const bytes = whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
      const result: RenderResult = { id: job.id, ok: true, bytes };
      port.postMessage(result, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const result: RenderResult = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(result);
    },
  );
});
