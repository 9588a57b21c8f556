import { etagHeader } from '../../http/responses.js';

export const DOCUMENT_ETAG = etagHeader('The document’s version, for `If-Match` on the next review of an item.');

/** Links that let a client (and Schemathesis' stateful phase) follow a document from its upload to its quote. */
export const documentLinks = {
  GetDocumentById: { operationId: 'getDocument', parameters: { id: '$response.body#/id' } },
  GetDocumentFile: { operationId: 'getDocumentFile', parameters: { id: '$response.body#/id' } },
  CreateQuoteFromDocument: { operationId: 'createQuoteFromDocument', parameters: { id: '$response.body#/id' } },
  DeleteDocument: { operationId: 'deleteDocument', parameters: { id: '$response.body#/id' } },
};

/** On answers that carry the items (where the document has none yet the link does not apply). */
export const documentDetailLinks = {
  ...documentLinks,
  UpdateFirstDocumentItem: {
    operationId: 'updateDocumentItem',
    parameters: { id: '$response.body#/id', itemId: '$response.body#/items/0/id', 'header.if-match': '$response.header.ETag' },
  },
};
