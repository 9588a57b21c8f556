// @nexus/chat: the WebSocket chat gateway, to run standalone (src/server.ts)
// or inside the API process in single-machine mode.
export { loadChatConfig, ChatConfigError, type ChatConfig } from './config.js';
export { startChatServer, type ChatServerOptions } from './chat-server.js';
export { createChatGateway, CHAT_PATH, type ChatGateway } from './gateway/chat-gateway.js';
