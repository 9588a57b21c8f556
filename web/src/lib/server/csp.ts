// The Content-Security-Policy is built with the app (svelte.config.js: `connect-src 'self'`),
// but the chat gateway's address is configuration (NEXUS_CHAT_URL): its origin is added to
// `connect-src` of each page's policy here, and nothing else is.

/** `policy` with `source` added to its connect-src directive (unchanged when it has none). */
export function allowConnectTo(policy: string, source: string): string {
  return policy
    .split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name !== 'connect-src' || sources.includes(source)) return directive;
      return ` ${[name, ...sources, source].join(' ')}`;
    })
    .join(';')
    .trim();
}

/** The origin of a ws(s):// URL as a CSP source (`wss://chat.example.com:8001`). */
export function webSocketSource(url: string): string {
  return new URL(url).origin;
}
