import type { SourceFile } from './import-rules.js';

/**
 * What a file under api/src/routes may hold besides its imports
 * (docs/architecture.md): contract and thin handlers, small enough to read in
 * one sitting, and no database work — a handler gets `deps` and could reach
 * `deps.db` without importing kysely, so the text itself is checked.
 */

/** About 200 lines, with a little slack so that one added route does not fail the build; a larger area splits by concern. */
export const ROUTE_FILE_MAX_LINES = 220;

const DATABASE_WORK: { pattern: RegExp; what: string }[] = [
  { pattern: /\bdeps\.db\b|\bdb\.(selectFrom|insertInto|updateTable|deleteFrom|executeQuery)\b/, what: 'uses the database handle' },
  { pattern: /\.transaction\(\)/, what: 'runs a transaction' },
  { pattern: /\bsql`|\.(selectFrom|insertInto|updateTable|deleteFrom)\(/, what: 'writes SQL' },
];

export interface RouteFileViolation {
  file: string;
  /** What was found: the line count, or the text that does database work. */
  found: string;
  rule: string;
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

export function routeFileViolations(files: readonly SourceFile[]): RouteFileViolation[] {
  const violations: RouteFileViolation[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/routes/')) continue;
    const lines = lineCount(file.text);
    if (lines > ROUTE_FILE_MAX_LINES) {
      violations.push({ file: file.path, found: `${lines} lines`, rule: `a route file has at most ${ROUTE_FILE_MAX_LINES} lines: split it by concern (e.g. quotes.lines.routes.ts)` });
    }
    for (const { pattern, what } of DATABASE_WORK) {
      const match = pattern.exec(file.text);
      if (match) violations.push({ file: file.path, found: match[0], rule: `a route file ${what}: that belongs in a service (transactions) or a repository (SQL)` });
    }
  }
  return violations;
}
