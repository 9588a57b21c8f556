// The SDK against the real API (started on a fresh database): the error classes,
// idempotency and refresh behave as the server actually answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNexusClient,
  NotFoundError,
  PreconditionRequiredError,
  UnauthorizedError,
  ValidationError,
  type NexusClient,
  type TokenPair,
} from '../src/index.js';
import { startApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';

let api: Awaited<ReturnType<typeof startApi>>;
let anonymous: NexusClient;
let tokens: TokenPair;

beforeAll(async () => {
  api = await startApi();
  if (!api.admin) throw new Error(`the API printed no admin credentials:\n${api.output()}`);
  anonymous = createNexusClient({ baseUrl: api.baseUrl });
  tokens = (await anonymous.call('login', { body: api.admin })).data;
}, STARTUP_DEADLINE_MS + 60_000);
afterAll(() => api?.stop());

const signedIn = () => createNexusClient({ baseUrl: api.baseUrl, token: () => tokens.accessToken });

describe('against the real API', () => {
  it('a wrong password is an UnauthorizedError with the server’s problem and request id', async () => {
    const error = await anonymous.call('login', { body: { email: api.admin!.email, password: 'wrong-password' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).requestId).toEqual(expect.any(String));
    expect((error as UnauthorizedError).problem.status).toBe(401);
  });

  it('a protected call without a token is a 401, not a crash', async () => {
    await expect(anonymous.call('getCurrentUser')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('invalid input is a ValidationError listing the fields', async () => {
    const error = await signedIn().call('createCustomer', { body: { name: '', email: 'not-an-email' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).errors.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.email']));
  });

  it('an unknown id is a NotFoundError', async () => {
    await expect(signedIn().call('getCustomer', { params: { path: { id: crypto.randomUUID() } } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an update without If-Match is a PreconditionRequiredError', async () => {
    const client = signedIn();
    const { data } = await client.call('createCustomer', { body: { name: 'No If-Match Ltd' } });
    const update = client.call as (id: string, init: unknown) => Promise<unknown>;
    await expect(update('updateCustomer', { params: { path: { id: data.id } }, body: { notes: 'x' } })).rejects.toBeInstanceOf(
      PreconditionRequiredError,
    );
  });

  it('the same Idempotency-Key creates once', async () => {
    const client = signedIn();
    const key = crypto.randomUUID();
    const init = { params: { header: { 'idempotency-key': key } }, body: { name: 'Once Only Pte Ltd' } };
    const first = await client.call('createCustomer', init);
    const second = await client.call('createCustomer', init);
    expect(second.data.id).toBe(first.data.id);
    expect(second.response.headers.get('idempotency-replayed')).toBe('true');
  });

  it('onUnauthorized refreshes through refreshToken and the call goes through', async () => {
    let current: TokenPair = (await anonymous.call('login', { body: api.admin! })).data;
    let accessToken = 'expired-or-garbage';
    let refreshes = 0;
    const client = createNexusClient({
      baseUrl: api.baseUrl,
      token: () => accessToken,
      onUnauthorized: async () => {
        refreshes += 1;
        current = (await anonymous.call('refreshToken', { body: { refreshToken: current.refreshToken } })).data;
        accessToken = current.accessToken;
        return true;
      },
    });
    const { data: me } = await client.call('getCurrentUser');
    expect(me.email).toBe(api.admin!.email);
    expect(refreshes).toBe(1);
  });
});
