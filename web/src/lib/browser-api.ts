// The SDK in the browser. It calls this site's /api, where the server's proxy
// adds the user's credentials as the contract says; page scripts never hold a
// token (the SDK sends no Authorization header without one).
import { createNexusClient } from '@nexus/sdk';

export const browserApi = createNexusClient({ baseUrl: '', retry: { retries: 2 } });
