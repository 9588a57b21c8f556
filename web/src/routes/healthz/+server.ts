import type { RequestHandler } from './$types';

/**
 * Liveness of the dashboard's server (the container healthcheck, the proxy):
 * it answers without calling the API, so an API outage does not make the
 * dashboard look dead — its pages show that outage themselves.
 */
export const GET: RequestHandler = () =>
  new Response(JSON.stringify({ status: 'ok' }), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
