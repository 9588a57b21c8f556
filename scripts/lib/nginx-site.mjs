// deploy/nginx rendered for a native nginx (Debian's, installed by scripts/services),
// as the tests run it: the committed files with only addresses substituted.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './test-stack.mjs';

export const NGINX_DIR = path.join(REPO_ROOT, 'deploy/nginx');

/** The compose network's service names and container ports, as deploy/nginx/nexus.conf names its upstreams. */
const SERVICES = { api: 8002, chat: 8001, web: 3010 };

/**
 * Writes `prefix/nginx.conf` (the image's http block: conf.d/default.conf = nexus.conf, conf.d/tls.conf =
 * tls-<tls>.conf) and `prefix/nexus/*.conf`, with these substitutions and no other:
 *  - `server api:8002 …;` → one `server 127.0.0.1:<port> …;` per instance in `upstreams.api` (the same for chat, web);
 *  - `listen 8080` / `listen 8443 ssl` → loopback `httpPort` / `httpsPort` (the IPv6 listens dropped);
 *  - /etc/nginx/nexus/ → prefix/nexus/, /etc/nginx/tls/ → `certDir`;
 *  - the container's stdout/stderr logs → prefix/logs/access.log and error.log.
 * Returns the arguments that run nginx on it (`-t` to test it, `-g 'daemon off;'` to serve).
 */
export function renderNginx({ prefix, upstreams, httpPort, httpsPort = 0, tls = 'off', certDir = path.join(prefix, 'tls') }) {
  const site = path.join(prefix, 'nexus');
  const logs = path.join(prefix, 'logs');
  mkdirSync(site, { recursive: true });
  mkdirSync(logs, { recursive: true });
  // nginx's workers run as an unprivileged user when the master is root: they must reach the temp paths.
  chmodSync(prefix, 0o755);
  const accessLog = path.join(logs, 'access.log');
  const errorLog = path.join(logs, 'error.log');

  const render = (text, file) => {
    let out = text;
    for (const [name, port] of Object.entries(SERVICES)) {
      out = out.replace(new RegExp(`^([ \\t]*)server ${name}:${port}((?: [^;]*)?);`, 'gm'), (_, indent, params) => {
        const ports = upstreams[name];
        if (!ports?.length) throw new Error(`renderNginx: no ports for the ${name} upstream`);
        return ports.map((p) => `${indent}server 127.0.0.1:${p}${params};`).join('\n');
      });
    }
    out = out
      .replace(/^[ \t]*listen \[::\]:\d+[^;]*;\n/gm, '')
      .replace(/\blisten 8080;/g, `listen 127.0.0.1:${httpPort};`)
      .replace(/\blisten 8443 ssl;/g, `listen 127.0.0.1:${httpsPort} ssl;`)
      .replaceAll('/etc/nginx/nexus/', `${site}/`)
      .replaceAll('/etc/nginx/tls/', `${certDir}/`)
      .replaceAll('access_log /dev/stdout ', `access_log ${accessLog} `)
      .replaceAll('error_log /dev/stderr ', `error_log ${errorLog} `);
    const code = out.split('\n').filter((line) => !/^\s*#/.test(line)).join('\n');
    const left = /\b(?:api|chat|web):\d+|\/etc\/nginx\/|\/dev\/std|listen (?:8080|8443)\b/.exec(code);
    if (left) throw new Error(`renderNginx: ${file} still holds ${left[0]}`);
    return out;
  };
  for (const file of readdirSync(NGINX_DIR).filter((name) => name.endsWith('.conf'))) {
    writeFileSync(path.join(site, file), render(readFileSync(path.join(NGINX_DIR, file), 'utf8'), file));
  }
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      `pid ${path.join(prefix, 'nginx.pid')};`,
      `error_log ${errorLog} warn;`,
      'worker_processes 1;',
      'events { worker_connections 512; }',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(prefix, `${t}_temp`)};`),
      // What the nginx image's nginx.conf does with conf.d/*.conf, in its order: default.conf, then tls.conf.
      `  include ${path.join(site, 'nexus.conf')};`,
      `  include ${path.join(site, `tls-${tls}.conf`)};`,
      '}',
    ].join('\n'),
  );
  return { args: ['-p', prefix, '-c', conf, '-e', errorLog], accessLog, errorLog };
}
