// @ts-check
/**
 * The contract's breaking-change gate: oasdiff compares a revision of the
 * contract with the last released one; every breaking change must be listed in
 * the approved-changes file, and approved breaking changes need a new major
 * version of the SDK. The release procedure is in openapi/README.md.
 *
 * @module
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT, loadServicesEnv } from './services-env.mjs';

/** The gate's files, relative to the repository root. */
export const CONTRACT_GATE_FILES = {
  revision: 'openapi/openapi.json',
  baseline: 'openapi/baseline/openapi.json',
  release: 'openapi/baseline/release.json',
  approved: 'openapi/approved-breaking-changes.json',
  sdkPackage: 'sdk/package.json',
};

// Our clients are generated and typed: a response field that disappears breaks
// them whether or not the contract called it required (oasdiff rates the
// optional case `info`).
const SEVERITY_OVERRIDES = { 'response-optional-property-removed': 'err' };

/** The oasdiff binary `scripts/services up oasdiff` built; installs it (cached under .data) when the env file lacks it. */
export async function oasdiffBin() {
  const known = loadServicesEnv({ required: false }).OASDIFF_BIN;
  if (known) return known;
  const install = await execa('bash', [path.join(REPO_ROOT, 'scripts', 'services'), 'up', 'oasdiff'], { all: true, reject: false });
  const installed = loadServicesEnv({ required: false }).OASDIFF_BIN;
  if (install.exitCode !== 0 || !installed) throw new Error(`oasdiff could not be installed (scripts/services up oasdiff):\n${install.all}`);
  return installed;
}

/**
 * @param {string} version
 * @returns {[number, number, number]}
 */
function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * @param {string} a
 * @param {string} b
 */
function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * Reads and checks the approved-changes file: `{ "approved": [{ method, path, id, text, reason }] }`.
 *
 * @param {string} file
 * @returns {import('./contract-gate.d.mts').ApprovedChange[]}
 */
export function readApprovedChanges(file) {
  const document = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(document?.approved)) throw new Error(`${file}: expected { "approved": [ … ] }`);
  return document.approved.map((/** @type {Record<string, unknown>} */ entry, /** @type {number} */ index) => {
    for (const key of ['method', 'path', 'id', 'text', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key] === '') throw new Error(`${file}: approved[${index}] needs a non-empty "${key}"`);
    }
    return /** @type {import('./contract-gate.d.mts').ApprovedChange} */ (entry);
  });
}

/**
 * Compares `revision` with `baseline` (paths relative to `cwd`, as oasdiff reports them).
 *
 * @param {import('./contract-gate.d.mts').ContractGateInput} input
 * @returns {Promise<import('./contract-gate.d.mts').ContractGateVerdict>}
 */
export async function checkContract({ baseline, revision, approved, sdkVersion, releasedSdkVersion, cwd = REPO_ROOT }) {
  const bin = await oasdiffBin();
  const scratch = mkdtempSync(path.join(tmpdir(), 'nexus-contract-gate-'));
  try {
    const severityLevels = path.join(scratch, 'severity-levels.txt');
    writeFileSync(severityLevels, Object.entries(SEVERITY_OVERRIDES).map(([id, level]) => `${id} ${level}\n`).join(''));
    const run = async (/** @type {string[]} */ args) => {
      const result = await execa(bin, [...args, baseline, revision, '--severity-levels', severityLevels], { cwd, reject: false });
      if (result.exitCode !== 0) throw new Error(`oasdiff ${args.join(' ')} ${baseline} ${revision} failed (exit ${result.exitCode}): ${result.stderr}`);
      return result.stdout;
    };
    const [breakingJson, changelog] = await Promise.all([run(['breaking', '--format', 'json']), run(['changelog', '--color', 'never'])]);
    /** @type {{ id: string, text: string, level: number, operation: string, path: string }[]} */
    const reported = JSON.parse(breakingJson || '[]') ?? [];
    const breaking = reported.map(({ operation, path: apiPath, id, text }) => ({ method: operation, path: apiPath, id, text }));
    const same = (/** @type {{ method: string, path: string, id: string, text: string }} */ a, /** @type {typeof a} */ b) =>
      a.method.toUpperCase() === b.method.toUpperCase() && a.path === b.path && a.id === b.id && a.text === b.text;
    const unapproved = breaking.filter((change) => !approved.some((entry) => same(entry, change)));
    const stale = approved.filter((entry) => !breaking.some((change) => same(entry, change)));

    /** @type {string[]} */
    const versionProblems = [];
    if (compareVersions(sdkVersion, releasedSdkVersion) < 0) {
      versionProblems.push(`the SDK's version ${sdkVersion} is lower than the released ${releasedSdkVersion}`);
    }
    const releasedMajor = parseVersion(releasedSdkVersion)[0];
    if (breaking.length > 0 && parseVersion(sdkVersion)[0] <= releasedMajor) {
      versionProblems.push(
        `breaking changes against the release need a new major SDK version: set "version" in sdk/package.json to ${releasedMajor + 1}.0.0 (released: ${releasedSdkVersion}, now: ${sdkVersion})`,
      );
    }
    return {
      changelog: changelog.trim(),
      breaking,
      unapproved,
      stale,
      versionProblems,
      ok: unapproved.length === 0 && stale.length === 0 && versionProblems.length === 0,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
