import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layer rules of api/src (docs/architecture.md), checked over the
 * TypeScript imports of every file — `import type` and re-exports included,
 * since a type import couples layers as much as a value import does.
 */

export interface SourceFile {
  /** Path relative to api/, with forward slashes: `src/routes/quotes/quotes.handlers.ts`. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

interface Rule {
  name: string;
  /** Files the rule applies to. */
  appliesTo: (file: string) => boolean;
  /** Whether importing `target` (a path relative to api/ without extension, or a package name) breaks the rule. */
  forbids: (target: string) => boolean;
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const isPackage = (target: string) => !target.startsWith('src/') && !target.startsWith('test/') && !target.startsWith('../');
const isHttpPackage = (target: string) => target === 'hono' || target.startsWith('hono/') || target.startsWith('@hono/');

export const RULES: Rule[] = [
  {
    name: 'routes never reach the database: no repositories/, db/ or kysely (they call a service)',
    appliesTo: under('src/routes'),
    forbids: (target) => under('src/repositories')(target) || under('src/db')(target) || target === 'kysely' || target.startsWith('kysely/'),
  },
  {
    name: 'repositories know nothing of HTTP: no hono, http/, routes/ (nor services/ above them)',
    appliesTo: under('src/repositories'),
    forbids: (target) => isHttpPackage(target) || under('src/http')(target) || under('src/routes')(target) || under('src/services')(target),
  },
  {
    name: 'services know nothing of HTTP: no hono, http/ or routes/ (handlers map their results to HTTP)',
    appliesTo: under('src/services'),
    forbids: (target) => isHttpPackage(target) || under('src/http')(target) || under('src/routes')(target),
  },
  {
    name: 'domain/ is pure: it imports nothing outside domain/, no package either',
    appliesTo: under('src/domain'),
    forbids: (target) => !under('src/domain')(target),
  },
  {
    name: 'only the app and the routes themselves import route folders (runtime, services, jobs and tests use services)',
    appliesTo: (file) => !under('src/routes')(file) && file !== 'src/app.ts',
    forbids: under('src/routes'),
  },
];

/** Import specifiers of a file, resolved to paths relative to api/ (extension dropped) or left as package names. */
export function importsOf(file: SourceFile): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith('.')) return fileName;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), fileName));
    return resolved.replace(/\.(js|ts|mjs)$/, '');
  });
}

export function violationsOf(files: readonly SourceFile[]): Violation[] {
  const found: Violation[] = [];
  for (const file of files) {
    const rules = RULES.filter((rule) => rule.appliesTo(file.path));
    if (rules.length === 0) continue;
    for (const target of importsOf(file)) {
      for (const rule of rules) {
        if (rule.forbids(target)) found.push({ file: file.path, imports: isPackage(target) ? target : `${target}`, rule: rule.name });
      }
    }
  }
  return found;
}

/** Every .ts file under the given folders of api/. */
export function sourceFiles(apiRoot: string, folders: readonly string[]): SourceFile[] {
  const walk = (folder: string): SourceFile[] =>
    readdirSync(path.join(apiRoot, folder), { withFileTypes: true }).flatMap((entry) => {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return walk(relative);
      return entry.name.endsWith('.ts') ? [{ path: relative, text: readFileSync(path.join(apiRoot, relative), 'utf8') }] : [];
    });
  return folders.flatMap(walk);
}
