import type { ProductSearchHit } from '@nexus/sdk';
import { toMinorUnits } from '$lib/format';
import { pageFailure, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

/** The filters as typed, to redisplay them. */
export interface ProductFilters {
  q: string;
  brand: string;
  category: string;
  currency: string;
  minPrice: string;
  maxPrice: string;
  inStock: '' | 'true' | 'false';
  includeInactive: boolean;
}

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const get = (name: string) => event.url.searchParams.get(name)?.trim() ?? '';
  const inStock = get('inStock');
  const filters: ProductFilters = {
    q: get('q'),
    brand: get('brand'),
    category: get('category'),
    currency: get('currency').toUpperCase(),
    minPrice: get('minPrice'),
    maxPrice: get('maxPrice'),
    inStock: inStock === 'true' || inStock === 'false' ? inStock : '',
    includeInactive: get('includeInactive') === 'on',
  };
  // Prices are typed in major units of the chosen currency (SGD when none is chosen).
  const priceCurrency = filters.currency || 'SGD';
  const minPrice = filters.minPrice ? toMinorUnits(filters.minPrice, priceCurrency) : undefined;
  const maxPrice = filters.maxPrice ? toMinorUnits(filters.maxPrice, priceCurrency) : undefined;
  const query = {
    ...(filters.brand ? { brand: filters.brand } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.currency ? { currency: filters.currency } : {}),
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    ...(filters.inStock ? { inStock: filters.inStock } : {}),
    ...(filters.includeInactive ? { includeInactive: 'true' as const } : {}),
    ...(get('cursor') ? { cursor: get('cursor') } : {}),
    limit: 25,
  };
  try {
    let hits: ProductSearchHit[];
    let nextCursor: string | null;
    if (filters.q) {
      ({ items: hits, nextCursor } = (await api.call('searchProducts', { params: { query: { ...query, q: filters.q } } })).data);
    } else {
      const { data } = await api.call('listProducts', { params: { query } });
      hits = data.items.map((product) => ({ product, score: 0, match: { exactCode: false, partialCode: false, fullText: false, similarity: 0 } }));
      nextCursor = data.nextCursor;
    }
    return { filters, hits, nextCursor, searched: filters.q !== '', priceCurrency };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
