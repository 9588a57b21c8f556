// The customer form's fields, shared by "new" and "edit".
import type { CreateCustomerRequest, Customer, UpdateCustomerRequest } from '@nexus/sdk';

export const customerFields = [
  { name: 'name', label: 'Name', required: true },
  { name: 'company', label: 'Company' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel' },
  { name: 'taxId', label: 'Tax ID' },
  { name: 'billingAddress', label: 'Billing address', multiline: true },
  { name: 'notes', label: 'Notes', multiline: true },
] as const;

export type CustomerFieldName = (typeof customerFields)[number]['name'];
export type CustomerValues = Record<CustomerFieldName, string>;
export const customerFieldNames: readonly CustomerFieldName[] = customerFields.map((f) => f.name);

/** Prefix of the hidden inputs that carry the values the form was opened with. */
export const OPENED_PREFIX = 'opened.';

/** A customer's fields as the form shows them. */
export function customerValues(customer: Customer): CustomerValues {
  return Object.fromEntries(customerFieldNames.map((name) => [name, customer[name] ?? ''])) as CustomerValues;
}

function readValues(form: FormData, prefix = ''): CustomerValues {
  return Object.fromEntries(
    customerFieldNames.map((name) => {
      const value = form.get(prefix + name);
      return [name, typeof value === 'string' ? value : ''];
    }),
  ) as CustomerValues;
}

/** As the API takes them: trimmed, an empty optional field as `null` (clears it). */
function apiValue(name: CustomerFieldName, value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' && name !== 'name' ? null : trimmed;
}

export function readNewCustomer(form: FormData): { values: CustomerValues; body: CreateCustomerRequest } {
  const values = readValues(form);
  const body = Object.fromEntries(customerFieldNames.map((name) => [name, apiValue(name, values[name])])) as CreateCustomerRequest;
  return { values, body };
}

/**
 * An edit: what was typed, what the form was opened with, and only the fields the
 * person changed — so a save touches nothing else, and reapplying after a conflict
 * keeps what the other person saved in the fields this person left alone.
 */
export function readCustomerEdit(form: FormData): { values: CustomerValues; opened: CustomerValues; changes: UpdateCustomerRequest } {
  const values = readValues(form);
  const opened = readValues(form, OPENED_PREFIX);
  const changes: Record<string, string | null> = {};
  for (const name of customerFieldNames) {
    if (values[name].trim() !== opened[name].trim()) changes[name] = apiValue(name, values[name]);
  }
  return { values, opened, changes: changes as UpdateCustomerRequest };
}
