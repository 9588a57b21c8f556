// The SDK in the browser. It calls this site's /api, where the server's proxy
// adds the user's credentials as the contract says; page scripts never hold a
// token (the SDK sends no Authorization header without one). A call that wants
// upload progress (a document upload) goes out on XMLHttpRequest, the only
// browser API that reports a body going out; everything else on fetch.
import { createNexusClient, xhrFetch, type FetchImplementation } from '@nexus/sdk';

const fetchOrXhr: FetchImplementation = (request, context) =>
  context.onUploadProgress ? xhrFetch(request, context) : globalThis.fetch(request);

export const browserApi = createNexusClient({ baseUrl: '', retry: { retries: 2 }, fetch: fetchOrXhr });
