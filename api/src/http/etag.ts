/** The `ETag` of a versioned resource (quotes, customers, products): its version, as a strong tag. */
export const etagOf = (resource: { version: number }) => `"${resource.version}"`;
