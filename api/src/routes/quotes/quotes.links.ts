import { etagHeader } from '../../http/responses.js';
import { QuoteSchema } from './quotes.schemas.js';

const ETAG = etagHeader('The version, for `If-Match` on the next change.');

/** Links that let a client (and Schemathesis' stateful phase) follow a quote through its life. */
export const quoteLinks = {
  GetQuoteById: { operationId: 'getQuote', parameters: { id: '$response.body#/id' } },
  UpdateQuoteById: { operationId: 'updateQuote', parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' } },
  AddQuoteLine: { operationId: 'addQuoteLine', parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' } },
  // A line that certainly prices (a generated productId is almost never in the catalogue), so a chain can go on to send the quote.
  AddFreeTextQuoteLine: {
    operationId: 'addQuoteLine',
    parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' },
    requestBody: { description: 'Delivery to site', quantity: '2', unitPriceMinor: 4500 },
    'x-schemathesis': { merge_body: false },
  },
  TransitionQuote: { operationId: 'transitionQuote', parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' } },
  ReviseQuote: { operationId: 'reviseQuote', parameters: { id: '$response.body#/id' } },
  GetQuotePdf: { operationId: 'getQuotePdf', parameters: { id: '$response.body#/id' } },
  GetQuoteSuggestions: { operationId: 'getQuoteSuggestions', parameters: { id: '$response.body#/id' } },
};

/** On responses that certainly carry a line (after adding or changing one). */
export const quoteWithLineLinks = {
  ...quoteLinks,
  SendQuote: {
    operationId: 'transitionQuote',
    parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' },
    requestBody: { to: 'sent' },
  },
  // Only here: on a quote without lines `#/lines/0/id` resolves to nothing and the link would only fail.
  UpdateFirstQuoteLine: {
    operationId: 'updateQuoteLine',
    parameters: { id: '$response.body#/id', lineId: '$response.body#/lines/0/id', 'header.if-match': '$response.header.ETag' },
  },
  RemoveFirstQuoteLine: {
    operationId: 'removeQuoteLine',
    parameters: { id: '$response.body#/id', lineId: '$response.body#/lines/0/id', 'header.if-match': '$response.header.ETag' },
  },
};

export const quoteResponse = (description: string, links: Record<string, (typeof quoteLinks)[keyof typeof quoteLinks]> = quoteLinks) => ({
  description,
  headers: ETAG,
  content: { 'application/json': { schema: QuoteSchema } },
  links,
});
