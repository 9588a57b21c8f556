import { randomUUID } from 'node:crypto';
import { createNexusClient, type NexusClient } from '@nexus/sdk';
import type { RunningApi } from '../../../scripts/lib/test-stack.mjs';

export interface Person {
  id: string;
  email: string;
  accessToken: string;
  api: NexusClient;
}

/** Logs in as the API's first admin. */
export async function admin(api: RunningApi): Promise<Person> {
  if (!api.admin) throw new Error(`the API printed no admin credentials:\n${api.output()}`);
  return login(api.baseUrl, api.admin.email, api.admin.password);
}

export async function login(baseUrl: string, email: string, password: string): Promise<Person> {
  const { data } = await createNexusClient({ baseUrl }).call('login', { body: { email, password } });
  const accessToken = data.accessToken;
  const client = createNexusClient({ baseUrl, token: accessToken });
  const { data: me } = await client.call('getCurrentUser');
  return { id: me.id, email, accessToken, api: client };
}

/** A new sales user, logged in. */
export async function newPerson(baseUrl: string, by: Person, name: string): Promise<Person> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const password = `pw-${randomUUID()}`;
  await by.api.call('createUser', { body: { email, name, role: 'sales', password } });
  return login(baseUrl, email, password);
}

export const bearer = (person: Person) => ({ authorization: `Bearer ${person.accessToken}` });
