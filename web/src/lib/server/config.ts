// The web server's configuration, read from the environment once at start
// (hooks.server.ts `init`) and validated: a bad value stops the process with a
// message rather than failing on the first request.

export interface WebConfig {
  /** Origin (and optional path prefix) of the Nexus API, without a trailing slash. */
  apiUrl: string;
  /** The chat gateway's WebSocket URL, when one is configured (for the chat pages). */
  chatUrl: string | undefined;
  /** `auto`: Secure cookies whenever the site is served over https (ORIGIN=https://…). */
  cookieSecure: 'auto' | boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parseUrl(name: string, value: string, protocols: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL, got "${value}".`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.map((p) => p.replace(':', '')).join(' or ')}, got "${value}".`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${name} must not carry a query, fragment or credentials.`);
  }
  return url.toString().replace(/\/+$/, '');
}

export function parseWebConfig(env: Record<string, string | undefined>): WebConfig {
  const apiUrl = env.NEXUS_API_URL?.trim();
  if (!apiUrl) throw new ConfigError('NEXUS_API_URL is required: the URL of the Nexus API, e.g. http://127.0.0.1:8002');
  const chatUrl = env.NEXUS_CHAT_URL?.trim();
  const secure = (env.NEXUS_COOKIE_SECURE ?? 'auto').trim().toLowerCase();
  if (!['auto', 'true', 'false'].includes(secure)) {
    throw new ConfigError(`NEXUS_COOKIE_SECURE must be auto, true or false, got "${env.NEXUS_COOKIE_SECURE}".`);
  }
  return {
    apiUrl: parseUrl('NEXUS_API_URL', apiUrl, ['http:', 'https:']),
    chatUrl: chatUrl ? parseUrl('NEXUS_CHAT_URL', chatUrl, ['ws:', 'wss:']) : undefined,
    cookieSecure: secure === 'auto' ? 'auto' : secure === 'true',
  };
}

let current: WebConfig | undefined;

export function configure(env: Record<string, string | undefined>): WebConfig {
  current = parseWebConfig(env);
  return current;
}

export function webConfig(): WebConfig {
  if (!current) throw new Error('webConfig() before configure(): hooks.server.ts init has not run');
  return current;
}
