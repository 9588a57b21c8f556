import { problems } from '../lib/problem.js';

/** C0 controls (NUL included) and DEL: no real file name has them, and PostgreSQL text cannot hold NUL. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The name a client gave an uploaded file (a multipart part's `filename`),
 * or a 400 problem at `path` when it holds control characters.
 */
export function uploadedFileName(name: string | undefined, path: string): string | undefined {
  if (name !== undefined && CONTROL.test(name)) {
    throw problems.validation([{ path, message: 'The file name must not contain control characters such as NUL.', code: 'invalid_file_name' }]);
  }
  return name || undefined;
}
