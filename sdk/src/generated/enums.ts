// generated — do not edit. Source: openapi/openapi.json; run `pnpm generate`.

import type { QuoteStatus, Role, RelationType, QuoteTransitionTarget, DocumentKind, DocumentStatus } from './schema.js';

/** Every `QuoteStatus` the contract defines, in its order. */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled'] as const satisfies readonly QuoteStatus[];

/** Every `Role` the contract defines, in its order. */
export const ROLES = ['admin', 'sales', 'viewer'] as const satisfies readonly Role[];

/** Every `RelationType` the contract defines, in its order. */
export const RELATION_TYPES = ['COMPATIBLE_WITH', 'ALTERNATIVE_TO', 'ACCESSORY_OF', 'REQUIRES', 'USED_FOR'] as const satisfies readonly RelationType[];

/** Every `QuoteTransitionTarget` the contract defines, in its order. */
export const QUOTE_TRANSITION_TARGETS = ['sent', 'accepted', 'rejected', 'cancelled'] as const satisfies readonly QuoteTransitionTarget[];

/** Every `DocumentKind` the contract defines, in its order. */
export const DOCUMENT_KINDS = ['xlsx', 'docx', 'pdf', 'csv', 'text', 'email'] as const satisfies readonly DocumentKind[];

/** Every `DocumentStatus` the contract defines, in its order. */
export const DOCUMENT_STATUSES = ['queued', 'processing', 'extracted', 'failed'] as const satisfies readonly DocumentStatus[];
