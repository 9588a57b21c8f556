export interface ContractChange {
  /** HTTP method in upper case, as oasdiff reports it. */
  method: string;
  path: string;
  /** oasdiff's rule id, e.g. `response-required-property-removed`. */
  id: string;
  /** oasdiff's text for this one change, e.g. "removed the required property `email` from the response with the `200` status". */
  text: string;
}
export interface ApprovedChange extends ContractChange {
  /** Why the break is acceptable (reviewers read it). */
  reason: string;
}
export interface ContractGateInput {
  baseline: string;
  revision: string;
  approved: ApprovedChange[];
  sdkVersion: string;
  releasedSdkVersion: string;
  /** Directory the spec paths are relative to (default: the repository root). */
  cwd?: string;
}
export interface ContractGateVerdict {
  /** oasdiff's changelog (every change, breaking or not), as text. */
  changelog: string;
  breaking: ContractChange[];
  unapproved: ContractChange[];
  /** Approved entries that match no change: left over from a release or misspelt. */
  stale: ApprovedChange[];
  versionProblems: string[];
  ok: boolean;
}
export declare const CONTRACT_GATE_FILES: {
  revision: string;
  baseline: string;
  release: string;
  approved: string;
  sdkPackage: string;
};
export declare function oasdiffBin(): Promise<string>;
export declare function readApprovedChanges(file: string): ApprovedChange[];
export declare function checkContract(input: ContractGateInput): Promise<ContractGateVerdict>;
