import { isNexusError } from '@nexus/sdk';
import type { ChatErrorCode } from '@nexus/sdk/chat';

/** What an API call's failure means for the client: an error frame's code, or that the credentials are gone. */
export function classifyApiFailure(error: unknown): { code: ChatErrorCode; message: string } | 'unauthorized' {
  if (!isNexusError(error)) return { code: 'unavailable', message: 'The chat could not reach the API.' };
  switch (error.kind) {
    case 'unauthorized':
      return 'unauthorized';
    case 'not-found':
      return { code: 'not_found', message: 'No such conversation among yours.' };
    case 'forbidden':
      return { code: 'forbidden', message: error.message };
    case 'rate-limited':
      return { code: 'rate_limited', message: 'The API is rate limiting you; try again shortly.' };
    case 'validation':
    case 'conflict':
    case 'precondition-failed':
    case 'precondition-required':
    case 'http':
      return { code: 'rejected', message: error.message };
    default:
      // network, timeout, 5xx: the API (or what it depends on) is down; the client may retry.
      return { code: 'unavailable', message: 'The API is unavailable; try again.' };
  }
}
