import type { RoleBackend } from '../runtime.js';

/**
 * What the terminal shows once Nexus listens: where each part is, and which
 * backend serves each role (embedded in this process, or a server).
 */
export function startupSummary(urls: [label: string, url: string][], backends: RoleBackend[]): string {
  const pad = (rows: string[][]) => {
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('   ')}`.trimEnd());
  };
  const lines = [
    '',
    ...pad(urls.map(([label, url]) => [label, url])),
    '',
    ...pad([['role', 'backend', 'where'], ...backends.map(({ role, backend, where }) => [role, backend, where])]),
  ];
  if (backends.some((b) => b.backend === 'embedded' && b.role !== 'database')) {
    lines.push('', '  Embedded roles live in this process: run one instance, or set REDIS_URL (see README, "Embedded or server backends").');
  }
  lines.push('');
  return lines.join('\n');
}
