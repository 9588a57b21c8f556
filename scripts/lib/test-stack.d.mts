export declare const REPO_ROOT: string;
/** How long a started API or chat gateway process may take to answer (ms). */
export declare const STARTUP_DEADLINE_MS: number;
export declare function freePort(): Promise<number>;
export declare function createTestDatabase(services?: Record<string, string>): Promise<{ name: string; url: string; drop(): Promise<void> }>;
export declare function testApiEnv(overrides?: Record<string, string>): Promise<{
  env: Record<string, string>;
  database: { name: string; url: string; drop(): Promise<void> };
}>;
export interface RunningApi {
  baseUrl: string;
  env: Record<string, string>;
  /** The API process's id. */
  pid: number;
  admin: { email: string; password: string } | undefined;
  output(): string;
  /** Sends `signal` (default SIGTERM; SIGINT is Ctrl-C), waits for the exit; resolves with its code (or signal name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}
export declare function startApi(options?: { env?: Record<string, string>; keepDatabase?: boolean }): Promise<RunningApi>;
export declare function startEmbeddedApi(options?: { dataDir?: string; env?: Record<string, string> }): Promise<RunningApi & { dataDir: string }>;
export interface RunningChatGateway {
  /** ws://127.0.0.1:<port>/ws */
  url: string;
  httpUrl: string;
  pid: number | undefined;
  output(): string;
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}
export declare function startChatGateway(api: Pick<RunningApi, 'baseUrl' | 'env'>, options?: { env?: Record<string, string> }): Promise<RunningChatGateway>;
export declare function restartApi(env: Record<string, string>): Promise<RunningApi>;
export declare function dropTestDatabase(url: string): Promise<void>;
