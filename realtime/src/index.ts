// Pub/sub and presence behind their small interfaces, each with an in-process
// and a Redis adapter. Shared by the API (which publishes) and the chat
// gateway (which subscribes and tracks who is in a room), so both speak to
// the same channels and keys in the same way. The contract suites that run
// every adapter live with the API's other backend contracts (api/test/contracts).
export type { HandlerErrorSink, PubSub, Unsubscribe } from './pubsub/pubsub.js';
export { memoryPubSub } from './pubsub/memory-pubsub.js';
export { redisPubSub } from './pubsub/redis-pubsub.js';
export type { Presence } from './presence/presence.js';
export { memoryPresence } from './presence/memory-presence.js';
export { redisPresence } from './presence/redis-presence.js';
export { connectRedis } from './redis.js';
export { ttlMilliseconds } from './ttl.js';
