import type { UpgradeRefusal } from './upgrade-refusal.js';

/**
 * The same allowlist as the API's CORS. A browser always sends `Origin` on a
 * WebSocket upgrade, so an absent one is a non-browser client (which then has
 * to authenticate like any other) and is allowed.
 */
export function checkOrigin(origin: string | undefined, allowed: readonly string[]): UpgradeRefusal | undefined {
  if (origin === undefined || allowed.includes(origin)) return undefined;
  return { status: 403, slug: 'forbidden-origin', detail: `Origin ${origin} may not open the chat; allowed origins are configured in CORS_ORIGINS.` };
}
