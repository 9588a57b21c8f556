import type { DocumentStatus } from '@nexus/sdk';

/** How each document status looks; typed by the contract's statuses, so a new one must be given a tone. */
export const documentStatusTone: Record<DocumentStatus, string> = { queued: 'muted', processing: '', extracted: 'ok', failed: 'bad' };

/** Still being read: the pages follow it until it ends. */
export function isReading(status: DocumentStatus): boolean {
  return status === 'queued' || status === 'processing';
}
