import { QUOTE_STATUSES, type QuoteStatus } from '@nexus/sdk';
import { pageFailure, settle, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const get = (name: string) => event.url.searchParams.get(name)?.trim() ?? '';
  const status = QUOTE_STATUSES.find((known): known is QuoteStatus => known === get('status'));
  const customerId = get('customerId') || undefined;
  const createdFrom = DATE.test(get('createdFrom')) ? get('createdFrom') : undefined;
  const createdTo = DATE.test(get('createdTo')) ? get('createdTo') : undefined;
  const cursor = get('cursor') || undefined;
  try {
    const [{ data: page }, customers] = await Promise.all([
      api.call('listQuotes', {
        params: {
          query: {
            limit: 25,
            ...(status ? { status } : {}),
            ...(customerId ? { customerId } : {}),
            ...(createdFrom ? { createdFrom } : {}),
            ...(createdTo ? { createdTo } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
      settle(api.call('listCustomers', { params: { query: { limit: 100 } } }).then((r) => r.data.items)),
    ]);
    return {
      page,
      customers: customers.ok ? customers.value.map((c) => ({ id: c.id, name: c.name })) : [],
      filters: { status: status ?? '', customerId: customerId ?? '', createdFrom: createdFrom ?? '', createdTo: createdTo ?? '' },
    };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
