import { describe, expect, it } from 'vitest';
import { mentionsAssistant, parseAssistantRequest } from '../src/domain/assistant/intent.js';

describe('mentionsAssistant', () => {
  it('sees @assistant anywhere, in any case, but not inside another word or address', () => {
    expect(mentionsAssistant('@assistant price of DRL-18V')).toBe(true);
    expect(mentionsAssistant('hey @Assistant, kit for tiling?')).toBe(true);
    expect(mentionsAssistant('mail ops@assistant.example')).toBe(false);
    expect(mentionsAssistant('@assistants are people too')).toBe(false);
    expect(mentionsAssistant('no mention here')).toBe(false);
  });
});

describe('parseAssistantRequest', () => {
  it('reads "add N × SKU to Q-…" in its usual spellings', () => {
    const expected = { kind: 'add_to_quote', quantity: '10', sku: 'DRL-18V', quoteNumber: 'Q-2026-000123', revision: null };
    expect(parseAssistantRequest('@assistant add 10 × DRL-18V to Q-2026-000123')).toEqual(expected);
    expect(parseAssistantRequest('@assistant add 10 x DRL-18V to Q-2026-000123')).toEqual(expected);
    expect(parseAssistantRequest('@assistant add 10×DRL-18V to q-2026-000123')).toEqual(expected);
    expect(parseAssistantRequest('@assistant please add 10 pcs of DRL-18V into quote Q-2026-000123.')).toEqual(expected);
    expect(parseAssistantRequest('@assistant add 2,5 x CBL-10 to Q-2026-000007 rev 2')).toEqual({
      kind: 'add_to_quote',
      quantity: '2.5',
      sku: 'CBL-10',
      quoteNumber: 'Q-2026-000007',
      revision: 2,
    });
  });

  it('reads a quote number as a question about that quote', () => {
    expect(parseAssistantRequest('@assistant what is the status of Q-2026-000123?')).toEqual({
      kind: 'quote_status',
      quoteNumber: 'Q-2026-000123',
      revision: null,
    });
    expect(parseAssistantRequest('@assistant total of Q-2026-000123 rev 3')).toMatchObject({ kind: 'quote_status', revision: 3 });
  });

  it('reads kit questions with the task they name', () => {
    expect(parseAssistantRequest('@assistant kit for tiling a bathroom')).toEqual({ kind: 'task_kit', task: 'tiling a bathroom' });
    expect(parseAssistantRequest('@assistant what do I need to paint a ceiling?')).toEqual({ kind: 'task_kit', task: 'paint a ceiling' });
    expect(parseAssistantRequest('@assistant task kit drywall installation')).toEqual({ kind: 'task_kit', task: 'drywall installation' });
  });

  it('reads related-product questions with the product they name', () => {
    expect(parseAssistantRequest('@assistant accessories for DRL-18V')).toEqual({ kind: 'related_products', product: 'DRL-18V' });
    expect(parseAssistantRequest('@assistant what goes with the cordless drill?')).toEqual({ kind: 'related_products', product: 'the cordless drill' });
    expect(parseAssistantRequest('@assistant alternatives to RSP-200')).toEqual({ kind: 'related_products', product: 'RSP-200' });
    expect(parseAssistantRequest('@assistant related products of RSP-200')).toEqual({ kind: 'related_products', product: 'RSP-200' });
  });

  it('treats anything else as a catalogue search for its words', () => {
    expect(parseAssistantRequest('@assistant price of DRL-18V?')).toEqual({ kind: 'product_search', query: 'DRL-18V' });
    expect(parseAssistantRequest('@assistant do we have cordless drills in stock')).toEqual({ kind: 'product_search', query: 'cordless drills' });
    expect(parseAssistantRequest('@assistant how much is a respirator')).toEqual({ kind: 'product_search', query: 'a respirator' });
    expect(parseAssistantRequest('18V impact driver @assistant')).toEqual({ kind: 'product_search', query: '18V impact driver' });
  });

  it('asks for help when nothing is asked', () => {
    expect(parseAssistantRequest('@assistant')).toEqual({ kind: 'help' });
    expect(parseAssistantRequest('@assistant help')).toEqual({ kind: 'help' });
    expect(parseAssistantRequest('@assistant show me?')).toEqual({ kind: 'help' });
  });
});
