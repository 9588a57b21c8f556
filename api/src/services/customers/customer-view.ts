import type { CustomerRow } from '../../db/schema.js';

/** A customer as the API shows it (the contract's `Customer`). */
export function toCustomerView(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    taxId: row.tax_id,
    billingAddress: row.billing_address,
    notes: row.notes,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type CustomerView = ReturnType<typeof toCustomerView>;
