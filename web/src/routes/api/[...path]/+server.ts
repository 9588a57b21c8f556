import { forwardToApi } from '$lib/server/api-proxy';
import type { RequestHandler } from './$types';

// Every method, one rule: see $lib/server/api-proxy.ts.
export const fallback: RequestHandler = (event) => forwardToApi(event);
