// openapi/asyncapi.json: generated from the very zod schemas the gateway
// validates frames with, committed, and a valid AsyncAPI 3.0 document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { chatAsyncApiDocument } from '../src/asyncapi/asyncapi-document.js';

const committed = readFileSync(fileURLToPath(new URL('../../openapi/asyncapi.json', import.meta.url)), 'utf8');

describe('the AsyncAPI document', () => {
  it('is what the frame schemas generate (run `pnpm generate` after changing them)', () => {
    expect(JSON.parse(committed)).toEqual(chatAsyncApiDocument());
  });

  it('is valid AsyncAPI 3.0 for @asyncapi/parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    // Severity 0 = error, 1 = warning.
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const received = document!.operations().filterByReceive().map((operation) => operation.id());
    const sent = document!.operations().filterBySend().map((operation) => operation.id());
    expect(received.sort()).toEqual(['receiveJoin', 'receiveLeave', 'receivePing', 'receiveRead', 'receiveSend', 'receiveTyping']);
    expect(sent).toHaveLength(9);
  });

  it('documents a send frame exactly as the gateway validates it', () => {
    const send = (chatAsyncApiDocument() as { components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> } }).components.schemas['SendFrame']!;
    expect(send.required.sort()).toEqual(['clientMessageId', 'conversationId', 'text', 'type']);
    expect(send.properties['text']).toMatchObject({ type: 'string', minLength: 1, maxLength: 4000 });
  });
});
