export declare const REPO_ROOT: string;
export declare function freePort(): Promise<number>;
export declare function createTestDatabase(services?: Record<string, string>): Promise<{ name: string; url: string; drop(): Promise<void> }>;
export declare function testApiEnv(overrides?: Record<string, string>): Promise<{
  env: Record<string, string>;
  database: { name: string; url: string; drop(): Promise<void> };
}>;
export declare function startApi(options?: { env?: Record<string, string>; keepDatabase?: boolean }): Promise<{
  baseUrl: string;
  env: Record<string, string>;
  admin: { email: string; password: string } | undefined;
  output(): string;
  stop(): Promise<void>;
}>;
