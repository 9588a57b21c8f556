// `@nexus/sdk/pricing`: the quote pricing rule the server uses, for previews that
// must come to the server's totals. Dependency-free; no network.
export * from './pricing.js';
export * from './quantity.js';
