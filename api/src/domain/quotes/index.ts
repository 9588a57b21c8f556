/** Quotes as plain functions (no HTTP, no SQL): pricing, lifecycle, numbering. */
export * from './calendar.js';
export * from './limits.js';
export * from './lifecycle.js';
export * from './money-format.js';
export * from './numbering.js';
export * from './pricing.js';
export * from './quantity.js';
export * from './quoted-pairs.js';
