import { describe, expect, it } from 'vitest';
import { ChatConfigError, loadChatConfig } from '../src/config.js';

describe('gateway configuration', () => {
  it('reads an empty numeric variable (`CHAT_PORT=` in an env file) as unset, not as 0', () => {
    const config = loadChatConfig({ CHAT_PORT: '', CHAT_HEARTBEAT_SECONDS: ' ', CHAT_METRICS_PORT: '' });
    expect(config).toMatchObject({ CHAT_PORT: 8001, CHAT_HEARTBEAT_SECONDS: 30 });
    expect(config.CHAT_METRICS_PORT).toBeUndefined();
    expect(loadChatConfig({ CHAT_PORT: '0', CHAT_METRICS_PORT: '9465' })).toMatchObject({ CHAT_PORT: 0, CHAT_METRICS_PORT: 9465 });
  });

  it('names an invalid number', () => {
    expect(() => loadChatConfig({ CHAT_RATE_BURST: 'lots' })).toThrow(ChatConfigError);
    expect(() => loadChatConfig({ CHAT_RATE_BURST: 'lots' })).toThrow(/CHAT_RATE_BURST/);
  });
});
