import { Redis } from 'ioredis';

/**
 * A Redis client that fails fast while disconnected (so requests answer 503
 * instead of hanging) and reconnects in the background.
 */
export async function connectRedis(url: string, options: { keyPrefix: string; onError?: (error: Error) => void }): Promise<Redis> {
  const client = new Redis(url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on('error', (error) => options.onError?.(error));
  await client.connect();
  return client;
}
