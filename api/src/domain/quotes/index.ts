/**
 * Quotes as plain functions (no HTTP, no SQL): lifecycle, numbering, calendar.
 * Pricing and quantities are `@nexus/sdk/pricing`, so that clients preview
 * exactly the totals the server computes.
 */
export * from './calendar.js';
export * from './limits.js';
export * from './lifecycle.js';
export * from './money-format.js';
export * from './numbering.js';
export * from './quoted-pairs.js';
