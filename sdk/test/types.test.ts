// Compile-time guarantees, checked by `tsc` (pnpm typecheck) and vitest's expectTypeOf.
import { describe, expectTypeOf, it } from 'vitest';
import type { Customer, NexusClient, NexusResult, OperationContract, PageItem, PaginatedOperationId, ResponseOf, User } from '../src/index.js';

declare const client: NexusClient;

describe('types', () => {
  it('types data from the contract', () => {
    expectTypeOf<ResponseOf<'getCustomer'>>().toEqualTypeOf<Customer>();
    expectTypeOf<ResponseOf<'logout'>>().toEqualTypeOf<undefined>();
    expectTypeOf<Awaited<ReturnType<typeof client.call<'getCurrentUser'>>>>().toEqualTypeOf<NexusResult<OperationContract<'getCurrentUser'>>>();
    expectTypeOf<PageItem<'listUsers'>>().toEqualTypeOf<User>();
  });

  it('knows which operations paginate', () => {
    expectTypeOf<'listCustomers'>().toExtend<PaginatedOperationId>();
    expectTypeOf<'getCustomer'>().not.toExtend<PaginatedOperationId>();
  });

  it('requires what the contract requires', () => {
    // @ts-expect-error updateCustomer needs params (id, if-match) and a body
    void (() => client.call('updateCustomer'));
    // @ts-expect-error If-Match is required
    void (() => client.call('updateCustomer', { params: { path: { id: 'x' } }, body: {} }));
    void (() => client.call('updateCustomer', { params: { path: { id: 'x' }, header: { 'if-match': '"1"' } }, body: { name: 'n' } }));
    // @ts-expect-error unknown operation
    void (() => client.call('deleteEverything'));
    // @ts-expect-error no such path
    void (() => client.GET('/api/nope'));
    void (() => client.call('getHealth'));
    void (() => client.call('listCustomers', { timeoutMs: 5_000, retry: false, params: { query: { limit: 10 } } }));
  });
});
