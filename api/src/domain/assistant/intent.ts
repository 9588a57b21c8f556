/**
 * What a chat message asks the product assistant, read by fixed rules (no
 * language model): the first rule that matches decides. Anything the rules do
 * not recognise is treated as a catalogue search for its words, and an empty
 * request asks for help, so every answer comes from real data or says plainly
 * what the assistant can do.
 */

export type AssistantIntent =
  | { kind: 'add_to_quote'; quantity: string; sku: string; quoteNumber: string; revision: number | null }
  | { kind: 'quote_status'; quoteNumber: string; revision: number | null }
  | { kind: 'task_kit'; task: string }
  | { kind: 'related_products'; product: string }
  | { kind: 'product_search'; query: string }
  | { kind: 'help' };

const MENTION = /(^|[^\w@])@assistant\b/i;

/** Whether a message is addressed to the assistant. */
export function mentionsAssistant(text: string): boolean {
  return MENTION.test(text);
}

const QUOTE_NUMBER = String.raw`(Q-\d{4}-\d{6,})(?:\s+rev(?:ision)?\.?\s*(\d{1,4}))?`;
const SKU = String.raw`([A-Za-z0-9][A-Za-z0-9._/#+-]{0,63})`;
const QUANTITY = String.raw`(\d{1,7}(?:[.,]\d{1,3})?)`;

const ADD = new RegExp(
  String.raw`\badd\s+${QUANTITY}\s*(?:[x×*]\s*|(?:pcs?|pieces?|units?|ea|nos?)\.?\s+)?(?:of\s+)?(?:sku\s+)?${SKU}\s+(?:to|into|on(?:to)?)\s+(?:quote\s+)?${QUOTE_NUMBER}`,
  'i',
);
const QUOTE = new RegExp(QUOTE_NUMBER, 'i');
const KIT = /\b(?:(?:task\s+)?kit|everything|what\s+(?:do\s+(?:i|we|you)|does\s+one)\s+need)\b.*?\b(?:for|to)\s+(.+)$/i;
const KIT_SHORT = /^(?:task\s+)?kit\s+(?!for\b|to\b)(.+)$/i;
const RELATED =
  /\b(?:related(?:\s+products?)?|accessor(?:y|ies)|alternatives?|compatible|goes\s+with|go\s+with|similar(?:\s+products?)?)\s*(?:to|for|with|of)?\s+(.+)$/i;
const HELP = /^(?:help|what\s+can\s+you\s+do|who\s+are\s+you|hi|hello)$/i;
const SEARCH_LEAD =
  /^(?:(?:please|can\s+you|could\s+you|what(?:'s|\s+is|\s+are)(?:\s+the)?|show(?:\s+me)?|list|find|search(?:\s+for)?|look(?:ing)?\s+for|do\s+we\s+have|have\s+we\s+got|is\s+there|are\s+there|any|price(?:s)?(?:\s+of|\s+for)?|stock(?:\s+of|\s+for)?|how\s+much(?:\s+(?:is|are|does|do))?|how\s+many)\s+)+/i;
const SEARCH_TAIL = /\s+(?:in\s+stock|cost|costs|price|prices|available)$/i;

/** The request without the mention, extra spaces and closing punctuation. */
export function requestText(text: string): string {
  return text
    .replace(/@assistant\b[:,]?/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?!.]+$/, '')
    .trim();
}

const revisionOf = (value: string | undefined) => (value === undefined ? null : Number(value));

export function parseAssistantRequest(text: string): AssistantIntent {
  const request = requestText(text);
  if (request === '' || HELP.test(request)) return { kind: 'help' };

  const add = ADD.exec(request);
  if (add) {
    return {
      kind: 'add_to_quote',
      quantity: add[1]!.replace(',', '.'),
      sku: add[2]!,
      quoteNumber: add[3]!.toUpperCase(),
      revision: revisionOf(add[4]),
    };
  }
  const quote = QUOTE.exec(request);
  if (quote) return { kind: 'quote_status', quoteNumber: quote[1]!.toUpperCase(), revision: revisionOf(quote[2]) };

  const kit = KIT.exec(request) ?? KIT_SHORT.exec(request);
  if (kit) return { kind: 'task_kit', task: kit[1]!.trim() };

  const related = RELATED.exec(request);
  if (related) return { kind: 'related_products', product: related[1]!.trim() };

  const query = `${request} `.replace(SEARCH_LEAD, '').trim().replace(SEARCH_TAIL, '').trim();
  return query === '' ? { kind: 'help' } : { kind: 'product_search', query };
}
