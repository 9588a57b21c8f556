import { mayCall, type NexusClient, type QuoteTransitionTarget } from '@nexus/sdk';
import { fail, redirect } from '@sveltejs/kit';
import { toMinorUnits } from '$lib/format';
import type { ShownProblem } from '$lib/problem';
import { percentToBasisPoints } from '$lib/format';
import { actionFailure, optionalText, pageFailure, requiredText, settle, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const id = event.params.id;
  const find = event.url.searchParams.get('find')?.trim() ?? '';
  const { user } = await event.parent();
  try {
    const { data: quote, etag } = await api.call('getQuote', { params: { path: { id } } });
    const [suggestions, found, conversation] = await Promise.all([
      quote.editable ? settle(api.call('getQuoteSuggestions', { params: { path: { id } } }).then((r) => r.data)) : null,
      quote.editable && find ? settle(api.call('searchProducts', { params: { query: { q: find, limit: 8 } } }).then((r) => r.data.items)) : null,
      // The user's conversation about this quote (its changes are posted there), among their most recently active ones.
      mayCall(user.role, 'listConversations')
        ? settle(api.call('listConversations', { params: { query: { limit: 100 } } }).then((r) => r.data.items.find((c) => c.quoteId === id) ?? null))
        : null,
    ]);
    return { quote, etag, suggestions, found, find, conversation, mayDiscuss: mayCall(user.role, 'createConversation') };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

/** Where on the page a failure is shown. */
type Where = 'details' | 'add' | 'item' | 'status' | 'conversation' | `line:${string}`;

function invalid(where: Where, path: string, message: string, values?: Record<string, string>) {
  const problem: ShownProblem = { status: 400, title: 'Check the highlighted field', errors: [{ path, message }] };
  return fail(400, { problem, where, ...(values ? { values } : {}) });
}

/** Every write names the version it was made on (`If-Match`): a change in between gives 412, shown where it happened. */
async function submit(event: RequestEvent, where: Where, values: Record<string, string> | undefined, change: (api: NexusClient, ifMatch: string) => Promise<unknown>) {
  const api = signedInApi(event);
  const ifMatch = values?.etag ?? '';
  try {
    await change(api, ifMatch);
  } catch (cause) {
    return actionFailure(cause, event.url, { where, ...(values ? { values } : {}) });
  }
  return { done: where };
}

function read<Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, requiredText(form, name)])) as Record<Name, string>;
}

export const actions: Actions = {
  details: async (event) => {
    const form = await event.request.formData();
    const values = { ...read(form, ['etag', 'title', 'validUntil', 'taxRate']), notes: optionalText(form, 'notes') ?? '' };
    const taxRateBp = percentToBasisPoints(values.taxRate);
    if (taxRateBp === undefined) return invalid('details', 'taxRateBp', 'A percentage from 0 to 100, like 9 or 7.5.', values);
    return submit(event, 'details', values, (api, ifMatch) =>
      api.call('updateQuote', {
        params: { path: { id: event.params.id }, header: { 'if-match': ifMatch } },
        body: { title: values.title, validUntil: values.validUntil, taxRateBp, notes: values.notes || null },
      }),
    );
  },
  addProduct: async (event) => {
    const form = await event.request.formData();
    const values = read(form, ['etag', 'productId', 'quantity']);
    return submit(event, 'add', values, (api, ifMatch) =>
      api.call('addQuoteLine', {
        params: { path: { id: event.params.id }, header: { 'if-match': ifMatch } },
        body: { productId: values.productId, quantity: values.quantity || '1' },
      }),
    );
  },
  addItem: async (event) => {
    const form = await event.request.formData();
    const values = read(form, ['etag', 'currency', 'description', 'quantity', 'unitPrice', 'unit']);
    const unitPriceMinor = toMinorUnits(values.unitPrice, values.currency || 'SGD');
    if (unitPriceMinor === undefined) return invalid('item', 'unitPriceMinor', 'An amount like 12.50.', values);
    return submit(event, 'item', values, (api, ifMatch) =>
      api.call('addQuoteLine', {
        params: { path: { id: event.params.id }, header: { 'if-match': ifMatch } },
        body: { description: values.description, quantity: values.quantity, unitPriceMinor, ...(values.unit ? { unit: values.unit } : {}) },
      }),
    );
  },
  updateLine: async (event) => {
    const form = await event.request.formData();
    const values = read(form, ['etag', 'currency', 'lineId', 'quantity', 'unitPrice', 'discount']);
    const where: Where = `line:${values.lineId}`;
    const unitPriceMinor = toMinorUnits(values.unitPrice, values.currency || 'SGD');
    if (unitPriceMinor === undefined) return invalid(where, 'unitPriceMinor', 'An amount like 12.50.', values);
    const discountBp = percentToBasisPoints(values.discount);
    if (discountBp === undefined) return invalid(where, 'discountBp', 'A percentage from 0 to 100.', values);
    return submit(event, where, values, (api, ifMatch) =>
      api.call('updateQuoteLine', {
        params: { path: { id: event.params.id, lineId: values.lineId }, header: { 'if-match': ifMatch } },
        body: { quantity: values.quantity, unitPriceMinor, discountBp },
      }),
    );
  },
  removeLine: async (event) => {
    const form = await event.request.formData();
    const values = read(form, ['etag', 'lineId']);
    return submit(event, `line:${values.lineId}`, values, (api, ifMatch) =>
      api.call('removeQuoteLine', { params: { path: { id: event.params.id, lineId: values.lineId }, header: { 'if-match': ifMatch } } }),
    );
  },
  transition: async (event) => {
    const form = await event.request.formData();
    const values = read(form, ['etag', 'to']);
    return submit(event, 'status', values, (api, ifMatch) =>
      api.call('transitionQuote', {
        params: { path: { id: event.params.id }, header: { 'if-match': ifMatch } },
        body: { to: values.to as QuoteTransitionTarget },
      }),
    );
  },
  discuss: async (event) => {
    const api = signedInApi(event);
    let id: string;
    try {
      const { data: quote } = await api.call('getQuote', { params: { path: { id: event.params.id } } });
      ({
        data: { id },
      } = await api.call('createConversation', { body: { title: `${quote.number} · ${quote.title}`.slice(0, 200), memberIds: [], quoteId: quote.id } }));
    } catch (cause) {
      return actionFailure(cause, event.url, { where: 'conversation' as Where });
    }
    redirect(303, `/chat/${id}`);
  },
  revise: async (event) => {
    const api = signedInApi(event);
    let id: string;
    try {
      ({
        data: { id },
      } = await api.call('reviseQuote', { params: { path: { id: event.params.id } } }));
    } catch (cause) {
      return actionFailure(cause, event.url, { where: 'status' as Where });
    }
    redirect(303, `/quotes/${id}`);
  },
};
