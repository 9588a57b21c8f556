import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_GATE_FILES, checkContract, type ApprovedChange, type ContractChange } from '../../scripts/lib/contract-gate.mjs';
import { REPO_ROOT } from '../../scripts/lib/test-stack.mjs';

// Revisions of the last released contract, each with one kind of change, run
// through the real gate (oasdiff) the way `npm test` runs it on openapi/openapi.json.
type Contract = {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] } & Record<string, unknown>>>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
};
const released: Contract = JSON.parse(readFileSync(join(REPO_ROOT, CONTRACT_GATE_FILES.baseline), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'nexus-contract-gate-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
writeFileSync(join(scratch, 'released.json'), JSON.stringify(released));

let revisions = 0;
function revise(change: (contract: Contract) => void): string {
  const contract = structuredClone(released);
  change(contract);
  const file = `revision-${(revisions += 1)}.json`;
  writeFileSync(join(scratch, file), JSON.stringify(contract));
  return file;
}

function gate(revision: string, options: { approved?: ApprovedChange[]; sdkVersion?: string } = {}) {
  return checkContract({
    baseline: 'released.json',
    revision,
    approved: options.approved ?? [],
    sdkVersion: options.sdkVersion ?? '0.1.0',
    releasedSdkVersion: '0.1.0',
    cwd: scratch,
  });
}

// The verdict without approvals, once per revision (oasdiff takes seconds on a busy machine).
const unapprovedVerdicts = new Map<string, ReturnType<typeof gate>>();
function gateUnapproved(revision: string) {
  if (!unapprovedVerdicts.has(revision)) unapprovedVerdicts.set(revision, gate(revision));
  return unapprovedVerdicts.get(revision)!;
}

const approve = (changes: ContractChange[]): ApprovedChange[] => changes.map((change) => ({ ...change, reason: 'the field moved to /api/contacts' }));

function removeProperty(contract: Contract, schema: string, property: string) {
  const target = contract.components.schemas[schema];
  if (!target?.properties[property]) throw new Error(`the released contract has no ${schema}.${property}`);
  delete target.properties[property];
  target.required = target.required?.filter((name) => name !== property);
}

const withoutCustomerEmail = revise((contract) => removeProperty(contract, 'Customer', 'email'));
const searchTermRequired = revise((contract) => {
  const q = contract.paths['/api/customers']?.get?.parameters?.find((parameter) => parameter.name === 'q' && parameter.in === 'query');
  if (!q || q.required) throw new Error('the released contract has no optional ?q= on GET /api/customers');
  q.required = true;
});

describe('the breaking-change gate', { timeout: 60_000 }, () => {
  it('passes a new operation without an approval or a version bump', async () => {
    const withNewOperation = revise((contract) => {
      contract.paths['/api/ping'] = { get: { operationId: 'ping', summary: 'Ping', security: [], responses: { '204': { description: 'Pong' } } } };
    });
    const verdict = await gate(withNewOperation);
    expect(verdict.changelog).toContain('endpoint-added');
    expect(verdict.breaking).toEqual([]);
    expect(verdict.ok).toBe(true);
  });

  it('refuses a removed response field and names each operation it breaks', async () => {
    const verdict = await gateUnapproved(withoutCustomerEmail);
    expect(verdict.ok).toBe(false);
    expect(verdict.unapproved).toContainEqual({
      method: 'GET',
      path: '/api/customers/{id}',
      id: 'response-required-property-removed',
      text: 'removed the required property `email` from the response with the `200` status',
    });
    expect(verdict.changelog).toContain('removed the required property `email`');
  });

  it('refuses a removed optional response field too (typed clients read it)', async () => {
    const verdict = await gate(revise((contract) => removeProperty(contract, 'DependencyStatus', 'detail')));
    expect(verdict.ok).toBe(false);
    expect(verdict.unapproved.map((change) => `${change.method} ${change.path} ${change.id}`)).toContain(
      'GET /api/health response-optional-property-removed',
    );
  });

  it('refuses an optional parameter made required', async () => {
    const verdict = await gateUnapproved(searchTermRequired);
    expect(verdict.ok).toBe(false);
    expect(verdict.unapproved).toEqual([
      { method: 'GET', path: '/api/customers', id: 'request-parameter-became-required', text: 'the `query` request parameter `q` became required' },
    ]);
  });

  it('passes approved breaking changes when the SDK takes a new major version', async () => {
    for (const revision of [withoutCustomerEmail, searchTermRequired]) {
      const approved = approve((await gateUnapproved(revision)).unapproved);
      const verdict = await gate(revision, { approved, sdkVersion: '1.0.0' });
      expect(verdict.unapproved).toEqual([]);
      expect(verdict.versionProblems).toEqual([]);
      expect(verdict.ok).toBe(true);
    }
  });

  it('refuses approved breaking changes under the same major SDK version', async () => {
    const approved = approve((await gateUnapproved(searchTermRequired)).unapproved);
    const verdict = await gate(searchTermRequired, { approved, sdkVersion: '0.2.0' });
    expect(verdict.ok).toBe(false);
    expect(verdict.versionProblems).toEqual([expect.stringContaining('set "version" in sdk/package.json to 1.0.0')]);
  });

  it('refuses an approval that matches no change (left over from a release, or misspelt)', async () => {
    const approved = approve((await gateUnapproved(searchTermRequired)).unapproved).map((entry) => ({ ...entry, text: entry.text.replace('`q`', '`query`') }));
    const verdict = await gate(searchTermRequired, { approved, sdkVersion: '1.0.0' });
    expect(verdict.ok).toBe(false);
    expect(verdict.stale).toEqual(approved);
    expect(verdict.unapproved).toHaveLength(1);
  });
});
