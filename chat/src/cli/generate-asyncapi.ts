// Writes openapi/asyncapi.json from the frame schemas (`pnpm generate`); with
// --check, exits 1 when the committed document differs instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chatAsyncApiDocument } from '../asyncapi/asyncapi-document.js';

export const ASYNCAPI_FILE = fileURLToPath(new URL('../../../openapi/asyncapi.json', import.meta.url));

const generated = `${JSON.stringify(chatAsyncApiDocument(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const committed = readFileSync(ASYNCAPI_FILE, 'utf8');
  if (committed !== generated) {
    process.stderr.write('openapi/asyncapi.json is out of date: run `pnpm generate`.\n');
    process.exit(1);
  }
} else {
  writeFileSync(ASYNCAPI_FILE, generated);
  process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
}
