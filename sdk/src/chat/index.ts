// `@nexus/sdk/chat`: the real-time chat's shared vocabulary (pub/sub events)
// and, for applications, the chat client. Kept out of the main entry so that
// applications which do not chat never load zod.
export * from './events.js';
export * from './frames.js';
export * from './chat-client.js';
