import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildContractDocument } from '../openapi/contract.js';

/** Writes openapi/openapi.json from the route definitions (pnpm generate). */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../openapi/openapi.json');
const document = buildContractDocument();
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item ?? {}).length, 0);
process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${operations} operations)\n`);
