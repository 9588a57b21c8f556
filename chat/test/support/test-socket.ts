import { serverFrameSchema, type ServerFrame } from '@nexus/sdk/chat';
import { openFrameSocket, type FrameSocket, type FrameSocketOptions } from './frame-socket.js';

export { refusedUpgrade } from './frame-socket.js';

/** A raw WebSocket client for chat's tests: every server frame is validated against the protocol's schema. */
export type TestSocket = FrameSocket<ServerFrame>;

export function openSocket(url: string, options: Omit<FrameSocketOptions<ServerFrame>, 'parse'> = {}): Promise<TestSocket> {
  return openFrameSocket(url, { ...options, parse: (frame) => serverFrameSchema.parse(frame) });
}
