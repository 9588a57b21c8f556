import type { QuoteStatus } from '@nexus/sdk';

/** How each status looks (badge and chart colour); typed by the contract's statuses, so a new one must be given a tone. */
export const quoteStatusTone: Record<QuoteStatus, string> = { draft: 'muted', sent: '', accepted: 'ok', rejected: 'bad', expired: 'warn', cancelled: 'muted' };
