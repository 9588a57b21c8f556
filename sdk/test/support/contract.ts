import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const OPENAPI_PATH = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  operationId: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean };
  'x-nexus-roles'?: string[];
}
export interface ContractOperation extends Operation {
  method: string;
  path: string;
}

/** Every operation of the committed OpenAPI document, read independently of the generator. */
export function contractOperations(): ContractOperation[] {
  const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  const found: ContractOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) {
        found.push({ ...operation, method, path });
      }
    }
  }
  return found;
}

export const SAMPLE_ID = '0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e';

/** The smallest init that satisfies the operation's required path params, headers and body. */
export function minimalInit(operation: ContractOperation): Record<string, unknown> {
  const path: Record<string, string> = {};
  const header: Record<string, string> = {};
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path') path[parameter.name] = SAMPLE_ID;
    if (parameter.in === 'header' && parameter.required) header[parameter.name] = parameter.name === 'if-match' ? '"1"' : 'x';
  }
  return {
    params: { path, header },
    ...(operation.requestBody?.required ? { body: {} } : {}),
  };
}
