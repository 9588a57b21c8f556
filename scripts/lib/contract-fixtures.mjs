// Real records for the contract run's dictionaries. Operations that act on a
// record inside another one (a line of a quote, a member of a conversation,
// an item of an extracted document) take two ids that must belong together;
// generated ids never do, and the stateful phase reaches them only through
// chains of three or more links. Schemathesis' dictionaries let such an
// operation draw its ids, some of the time, from records made here through
// the API itself — every other value is still generated.
import { randomUUID } from 'node:crypto';

/**
 * Makes the records and answers the dictionaries (`name → values`), per
 * operationId the parameters that draw from them, and per operation the path
 * parameters that must not name a fixture (for scripts/lib/schemathesis_hooks.py).
 */
export async function makeContractFixtures(baseUrl, token, { chatOrigin }) {
  const call = async (method, path, { body, form, headers = {} } = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
        ...headers,
      },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`contract fixtures: ${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const tag = randomUUID().slice(0, 8);

  const customer = await call('POST', '/api/customers', { body: { name: `Contract fixtures ${tag}` } });
  const freeTextLine = (n) => ({ description: `Contract fixture line ${n}`, quantity: '2', unitPriceMinor: 1500 });
  // A draft quote with lines per operation, so that removing lines does not take them from under the updates.
  const quoteWithLines = async (count) => {
    let quote = await call('POST', '/api/quotes', { body: { customerId: customer.id, title: `Contract fixtures ${tag}` } });
    for (let n = 1; n <= count; n++) {
      quote = await call('POST', `/api/quotes/${quote.id}/lines`, { body: freeTextLine(n), headers: { 'if-match': '*' } });
    }
    return quote;
  };
  const updated = await quoteWithLines(3);
  const removed = await quoteWithLines(10);
  // Sent quotes, to revise.
  const sent = [];
  for (let n = 0; n < 3; n++) {
    const quote = await quoteWithLines(1);
    sent.push(await call('POST', `/api/quotes/${quote.id}/transitions`, { body: { to: 'sent' }, headers: { 'if-match': '*' } }));
  }

  // Products to relate, and relations between them: one to read, two to delete.
  const products = [];
  for (let n = 0; n < 4; n++) {
    products.push(
      await call('POST', '/api/products', { body: { sku: `CONTRACT-${tag}-${n}`, name: `Contract fixture product ${tag} ${n}`, unitPriceMinor: 1000 + n, currency: 'SGD' } }),
    );
  }
  const relate = (a, b) => call('POST', '/api/relations', { body: { type: 'COMPATIBLE_WITH', productId: a.id, relatedProductId: b.id } });
  const keptRelation = await relate(products[0], products[1]);
  const deletedRelations = [await relate(products[0], products[2]), await relate(products[1], products[2])];

  const member = await call('POST', '/api/users', {
    body: { email: `contract-member-${tag}@example.test`, name: `Contract member ${tag}`, role: 'sales', password: `Contract-${randomUUID()}` },
  });
  // A user to edit, and one to sign in as (the run's own token belongs to the first admin, which no case may touch).
  const edited = await call('POST', '/api/users', {
    body: { email: `contract-edited-${tag}@example.test`, name: `Contract edited ${tag}`, role: 'sales', password: `Contract-${randomUUID()}` },
  });
  const signIn = { email: `contract-login-${tag}@example.test`, password: `Contract-${randomUUID()}` };
  await call('POST', '/api/users', { body: { ...signIn, name: `Contract login ${tag}`, role: 'viewer' } });
  const conversations = [];
  for (let n = 0; n < 5; n++) {
    const conversation = await call('POST', '/api/conversations', { body: { title: `Contract fixtures ${tag} ${n}`, memberIds: [member.id] } });
    // Messages to mark read up to.
    for (let m = 0; m < 3; m++) {
      await call('POST', `/api/conversations/${conversation.id}/messages`, { body: { text: `Contract fixture message ${m}`, clientMessageId: randomUUID() } });
    }
    conversations.push(conversation);
  }

  // Requests whose lines the extractor reads as items: one to review, three to make quotes from.
  const extracted = async (n) => {
    const form = new FormData();
    form.append('customerId', customer.id);
    form.append(
      'file',
      new Blob([`Please quote:\n50 x Safety helmet, white\n20 pairs of nitrile gloves, size L\n12 x Contract fixture bracket ${tag}-${n}\n`], { type: 'text/plain' }),
      `rfq-${tag}-${n}.txt`,
    );
    let document = await call('POST', '/api/documents', { form });
    const deadline = Date.now() + 60_000;
    while (document.status !== 'extracted') {
      if (document.status === 'failed' || Date.now() > deadline) {
        throw new Error(`contract fixtures: a fixture document ended ${document.status}: ${JSON.stringify(document)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      document = await call('GET', `/api/documents/${document.id}`);
    }
    if (document.items.length === 0) throw new Error(`contract fixtures: a fixture document has no items: ${JSON.stringify(document)}`);
    return document;
  };
  const reviewed = await extracted(0);
  const quoted = [await extracted(1), await extracted(2), await extracted(3)];

  // Chat tickets for the gateway's redeem call: each is single-use, so a supply of them, asked for from the
  // origin the dictionary below names (a ticket redeems only from the origin it was issued for). Last, so that
  // they live as long as possible (the run sets CHAT_TICKET_TTL_SECONDS to its maximum).
  const tickets = [];
  for (let n = 0; n < 100; n++) {
    tickets.push((await call('POST', '/api/chat/tickets', { headers: { origin: chatOrigin } })).ticket);
  }

  const dictionaries = {
    updatedQuote: [updated.id],
    updatedQuoteLines: updated.lines.map((line) => line.id),
    removedQuote: [removed.id],
    removedQuoteLines: removed.lines.map((line) => line.id),
    conversations: conversations.map((conversation) => conversation.id),
    member: [member.id],
    reviewedDocument: [reviewed.id],
    reviewedDocumentItems: reviewed.items.map((item) => item.id),
    quotedDocuments: quoted.map((document) => document.id),
    sentQuotes: sent.map((quote) => quote.id),
    editedUser: [edited.id],
    loginEmail: [signIn.email],
    loginPassword: [signIn.password],
    quotes: [updated.id, removed.id, ...sent.map((quote) => quote.id)],
    products: products.map((product) => product.id),
    keptRelation: [keptRelation.id],
    deletedRelations: deletedRelations.map((relation) => relation.id),
    chatTickets: tickets,
    chatOrigin: [chatOrigin],
  };
  // Half the time a real record, half a generated value: the ids' own validation and 404s stay fuzzed.
  const draw = (dictionary) => ({ dictionary, probability: 0.5 });
  const operations = {
    updateQuoteLine: { 'path.id': draw('updatedQuote'), 'path.lineId': draw('updatedQuoteLines') },
    removeQuoteLine: { 'path.id': draw('removedQuote'), 'path.lineId': draw('removedQuoteLines') },
    removeConversationMember: { 'path.id': draw('conversations'), 'path.userId': draw('member') },
    addConversationMember: { 'path.id': draw('conversations'), 'body.userId': draw('member') },
    // Always the fixture: its two ids only make sense together, and the examples phase (which draws from no
    // dictionary) would otherwise send the contract's example ids and never reach a review.
    updateDocumentItem: { 'path.id': reviewed.id, 'path.itemId': reviewed.items[0].id },
    createQuoteFromDocument: { 'path.id': draw('quotedDocuments') },
    updateQuote: { 'path.id': draw('updatedQuote') },
    addQuoteLine: { 'path.id': draw('updatedQuote') },
    reviseQuote: { 'path.id': draw('sentQuotes') },
    getQuotePdf: { 'path.id': draw('quotes') },
    getQuoteSuggestions: { 'path.id': draw('quotes') },
    getConversationMembership: { 'path.id': draw('conversations') },
    postMessage: { 'path.id': draw('conversations') },
    markConversationRead: { 'path.id': draw('conversations') },
    getRelation: { 'path.id': draw('keptRelation') },
    deleteRelation: { 'path.id': draw('deletedRelations') },
    updateUser: { 'path.id': draw('editedUser') },
    login: { 'body.email': draw('loginEmail'), 'body.password': draw('loginPassword') },
    createRelation: { 'body.productId': draw('products'), 'body.relatedProductId': draw('products') },
    redeemChatTicket: { 'body.ticket': draw('chatTickets'), 'body.origin': draw('chatOrigin') },
  };
  // Schemathesis reuses ids it has seen in answers anywhere; these operations would take the fixtures away from
  // the ones above (a deleted document, a sent quote, a disabled member), so they leave them alone.
  const quotes = dictionaries.quotes;
  const documents = [reviewed.id, ...quoted.map((document) => document.id)];
  const untouchable = {
    'DELETE /api/documents/{id}': { id: documents },
    'POST /api/documents/{id}/quote': { id: [reviewed.id] },
    'POST /api/quotes/{id}/transitions': { id: quotes },
    'DELETE /api/relations/{id}': { id: [keptRelation.id] },
    'POST /api/products/{id}/deactivate': { id: dictionaries.products },
    'PATCH /api/users/{id}': { id: [member.id] },
  };
  return { dictionaries, operations, untouchable };
}

/** The fixtures as Schemathesis configuration (TOML). */
export function fixturesToml({ dictionaries, operations }) {
  const lines = [];
  for (const [name, values] of Object.entries(dictionaries)) {
    lines.push(`[dictionaries.${name}]`, `values = ${JSON.stringify(values)}`, '');
  }
  for (const [operationId, parameters] of Object.entries(operations)) {
    const bindings = Object.entries(parameters).map(([key, value]) =>
      typeof value === 'string'
        ? `${JSON.stringify(key)} = ${JSON.stringify(value)}`
        : `${JSON.stringify(key)} = { dictionary = ${JSON.stringify(value.dictionary)}, probability = ${value.probability} }`,
    );
    lines.push('[[operations]]', `include-operation-id = ${JSON.stringify(operationId)}`, `parameters = { ${bindings.join(', ')} }`, '');
  }
  return lines.join('\n');
}
