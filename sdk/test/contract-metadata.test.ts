// The contract's metadata as the SDK publishes it for clients that decide what to
// show: which operation a method + path is, whether a role may call it, and the
// enums. Each is checked against openapi.json read independently of the generator.
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { findOperation, mayCall, operations, QUOTE_STATUSES, ROLES, type OperationId, type QuoteStatus, type Role } from '../src/index.js';
import * as published from '../src/index.js';
import { contractOperations, OPENAPI_PATH, SAMPLE_ID } from './support/contract.js';

const contract = contractOperations();
const schemas = (JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as { components: { schemas: Record<string, { enum?: string[] }> } }).components.schemas;
const roles = schemas['Role']!.enum!;

describe('findOperation', () => {
  it.each(contract.map((operation) => [operation.operationId, operation] as const))('finds %s from its method and a concrete path', (id, operation) => {
    const found = findOperation(operation.method.toUpperCase(), operation.path.replace(/\{[^}]+\}/g, SAMPLE_ID));
    expect(found?.id).toBe(id);
    expect(found?.entry).toBe(operations[id as OperationId]);
  });

  it('finds an operation from its path template too', () => {
    expect(findOperation('patch', '/api/customers/{id}')?.id).toBe('updateCustomer');
  });

  it('tells operations on the same path apart by method', () => {
    expect(findOperation('GET', '/api/customers')?.id).toBe('listCustomers');
    expect(findOperation('POST', '/api/customers')?.id).toBe('createCustomer');
  });

  it('finds nothing for a path or method outside the contract', () => {
    expect(findOperation('GET', '/api/nope')).toBeUndefined();
    expect(findOperation('DELETE', '/api/health')).toBeUndefined();
    expect(findOperation('GET', `/api/customers/${SAMPLE_ID}/extra`)).toBeUndefined();
    expect(findOperation('GET', '/api/customers/a/b')).toBeUndefined();
  });
});

describe('mayCall', () => {
  const cases = contract.flatMap((operation) => [undefined, ...roles].map((role) => [operation.operationId, role, operation] as const));

  it.each(cases)('%s for role %s follows security and x-nexus-roles', (id, role, operation) => {
    const isPublic = (operation.security ?? []).length === 0;
    const declared = operation['x-nexus-roles'];
    const expected = isPublic || (role !== undefined && (declared === undefined || declared.includes(role)));
    expect(mayCall(role as Role | undefined, id as OperationId)).toBe(expected);
  });

  it('lets a signed-in viewer read but not write quotes', () => {
    expect(mayCall('viewer', 'listQuotes')).toBe(true);
    expect(mayCall('viewer', 'createQuote')).toBe(false);
    expect(mayCall(null, 'listQuotes')).toBe(false);
    expect(mayCall(null, 'getDashboard')).toBe(true);
  });

  it('accepts only operation ids and roles of the contract', () => {
    // @ts-expect-error a misspelt operation id does not compile
    void (() => mayCall('sales', 'listQoutes'));
    // @ts-expect-error nor does a role the contract does not define
    void (() => mayCall('owner', 'listQuotes'));
    expectTypeOf(mayCall).parameter(1).toEqualTypeOf<OperationId>();
  });
});

describe('enums', () => {
  it('publishes every string enum of the contract, in its order', () => {
    const enumSchemas = Object.entries(schemas).filter(([, schema]) => Array.isArray(schema.enum));
    expect(enumSchemas.length).toBeGreaterThan(0);
    for (const [name, schema] of enumSchemas) {
      const constant = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/S$/, 'SE').replace(/Y$/, 'IE') + 'S';
      expect((published as Record<string, unknown>)[constant], `${name} → ${constant}`).toEqual(schema.enum);
    }
  });

  it('types them as the contract’s unions', () => {
    expect(QUOTE_STATUSES).toContain('draft');
    expect(ROLES).toEqual(roles);
    expectTypeOf<(typeof QUOTE_STATUSES)[number]>().toEqualTypeOf<QuoteStatus>();
    expectTypeOf<(typeof ROLES)[number]>().toEqualTypeOf<Role>();
  });
});
