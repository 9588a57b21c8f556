export declare const SERVICES_ENV_FILE: string;
export declare function loadServicesEnv(options?: { required?: boolean; path?: string }): Record<string, string>;
export declare function applyServicesEnv(options?: { required?: boolean; path?: string }): Record<string, string>;
