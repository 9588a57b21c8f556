import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address, seen through `trustedHops` proxies that each append
 * the address they received the request from to `X-Forwarded-For`.
 *
 * The chain, nearest first, is the socket's peer and then the X-Forwarded-For
 * entries from right to left. The first `trustedHops` links are our own
 * proxies; the next one is the client. Everything further left was written
 * by the client and is never believed. With fewer links than that (a request
 * that bypassed a proxy), the furthest one is taken.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const chain = [socketAddress ?? 'unknown'];
  if (trustedHops > 0 && forwardedFor) {
    const entries = forwardedFor
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    chain.push(...entries.reverse());
  }
  return chain[Math.min(trustedHops, chain.length - 1)]!;
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // `app.request` in tests has no socket.
    return undefined;
  }
}

/** The requesting client's address (see {@link clientAddressFrom}). */
export function clientAddress(c: Context, trustedHops: number): string {
  return clientAddressFrom(socketAddress(c), c.req.header('x-forwarded-for'), trustedHops);
}
