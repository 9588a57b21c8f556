#!/usr/bin/env node
// The contract's breaking-change gate (a step of `npm test`): prints the
// changelog of openapi/openapi.json against the last release's contract
// (openapi/baseline/) and fails on a breaking change that is not in
// openapi/approved-breaking-changes.json, on an approval that matches no change,
// and when approved breaking changes come without a new major SDK version.
// The release procedure is in openapi/README.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT_GATE_FILES as files, checkContract, readApprovedChanges } from './lib/contract-gate.mjs';
import { REPO_ROOT } from './lib/services-env.mjs';

const readJson = (file) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const say = (line = '') => process.stdout.write(`${line}\n`);
const describe = (change) => `${change.method} ${change.path}  [${change.id}] ${change.text}`;

const releasedSdkVersion = readJson(files.release).sdkVersion;
const sdkVersion = readJson(files.sdkPackage).version;
const approved = readApprovedChanges(path.join(REPO_ROOT, files.approved));
const verdict = await checkContract({ baseline: files.baseline, revision: files.revision, approved, sdkVersion, releasedSdkVersion });

say(`contract gate: ${files.revision} against the last release (${files.baseline}, SDK ${releasedSdkVersion}); the SDK is now ${sdkVersion}`);
say('contract gate: changelog (oasdiff):');
for (const line of verdict.changelog.split('\n')) say(`  ${line}`);
say(`contract gate: ${verdict.breaking.length} breaking change(s), ${verdict.breaking.length - verdict.unapproved.length} approved`);
for (const change of verdict.unapproved) say(`  NOT APPROVED  ${describe(change)}`);
for (const entry of verdict.stale) say(`  STALE APPROVAL (matches no change; remove it)  ${describe(entry)}`);
for (const problem of verdict.versionProblems) say(`  VERSION  ${problem}`);
if (verdict.unapproved.length > 0) {
  say(`contract gate: if a break is intended, add it to ${files.approved} with the reason, and bump the SDK's major version:`);
  for (const change of verdict.unapproved) say(`  ${JSON.stringify({ ...change, reason: '<why clients may break>' })},`);
}
say(verdict.ok ? 'contract gate: passed' : 'contract gate: FAILED');
process.exit(verdict.ok ? 0 : 1);
