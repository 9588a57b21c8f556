import { mayCall } from '@nexus/sdk';
import { redirect } from '@sveltejs/kit';
import { actionFailure, optionalText, pageFailure, requiredText, settle, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const { user } = await event.parent();
  const id = event.params.id;
  try {
    const { data: document, etag } = await api.call('getDocument', { params: { path: { id } } });
    const mayQuote = mayCall(user.role, 'createQuoteFromDocument');
    // A document nobody said the sender of needs one for its quote.
    const customers =
      mayQuote && !document.quoteId && !document.customerId
        ? await settle(api.call('listCustomers', { params: { query: { limit: 100 } } }).then((r) => r.data.items.map((c) => ({ id: c.id, name: c.name }))))
        : null;
    return {
      document,
      etag: etag ?? `"${document.version}"`,
      mayReview: mayCall(user.role, 'updateDocumentItem'),
      mayQuote,
      mayDelete: mayCall(user.role, 'deleteDocument'),
      customers: customers?.ok ? customers.value : [],
    };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  /** One item's review: its product (a candidate, any product, or none), quantity, unit, or "not an item". */
  item: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const itemId = requiredText(form, 'itemId');
    const where = `item:${itemId}`;
    const quantity = requiredText(form, 'quantity');
    const unit = requiredText(form, 'unit');
    const productId = form.has('productId') ? requiredText(form, 'productId') || null : undefined;
    try {
      await api.call('updateDocumentItem', {
        params: { path: { id: event.params.id, itemId }, header: { 'if-match': requiredText(form, 'etag') } },
        body: {
          ...(productId !== undefined ? { productId } : {}),
          ...(quantity ? { quantity } : {}),
          ...(unit ? { unit } : {}),
          notAnItem: form.has('notAnItem'),
        },
      });
    } catch (cause) {
      return actionFailure(cause, event.url, { where });
    }
    return { done: where };
  },
  /** The draft quote from the reviewed items; the quote's page next. */
  quote: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const customerId = optionalText(form, 'customerId');
    const title = optionalText(form, 'title');
    let quoteId: string;
    try {
      ({
        data: { id: quoteId },
      } = await api.call('createQuoteFromDocument', {
        params: { path: { id: event.params.id } },
        body: { ...(customerId ? { customerId } : {}), ...(title ? { title } : {}) },
      }));
    } catch (cause) {
      return actionFailure(cause, event.url, { where: 'quote' });
    }
    redirect(303, `/quotes/${quoteId}`);
  },
  delete: async (event) => {
    const api = signedInApi(event);
    try {
      await api.call('deleteDocument', { params: { path: { id: event.params.id } } });
    } catch (cause) {
      return actionFailure(cause, event.url, { where: 'delete' });
    }
    redirect(303, '/documents');
  },
};
