import { WebSocket } from 'ws';
import { CHAT_SUBPROTOCOL } from '@nexus/sdk/chat';

/**
 * Readiness as a client sees it: a real WebSocket handshake to this gateway's
 * own /ws (subprotocol offered), then one frame there and back. A raw TCP
 * probe would call a gateway "up" that answers every browser with an error.
 */
export function probeReadiness(url: string, headers: Record<string, string>, timeoutMs = 3_000): Promise<{ ok: true; ms: number } | { ok: false; reason: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = new WebSocket(url, CHAT_SUBPROTOCOL, { headers, perMessageDeflate: false, handshakeTimeout: timeoutMs });
    const done = (result: { ok: true; ms: number } | { ok: false; reason: string }) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.on('unexpected-response', (_request, response) => done({ ok: false, reason: `the upgrade was answered ${response.statusCode}` }));
    socket.on('error', (error) => done({ ok: false, reason: error.message }));
    socket.on('open', () => {
      if (socket.protocol !== CHAT_SUBPROTOCOL) return done({ ok: false, reason: `subprotocol ${socket.protocol || '(none)'} instead of ${CHAT_SUBPROTOCOL}` });
      socket.send(JSON.stringify({ type: 'ping', ref: 'ready' }));
    });
    socket.on('message', () => done({ ok: true, ms: Date.now() - started }));
  });
}
