// An API problem as the pages show it: the RFC 9457 title and detail, field
// errors by their `path` (`body.email`), and the request id to quote. Plain data,
// so it crosses from form actions to the page and works in the browser too.
import { isNexusError } from '@nexus/sdk';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ShownProblem {
  status: number;
  title: string;
  detail?: string;
  errors: FieldProblem[];
  requestId?: string;
}

/** The problem of an SDK error; anything else is not ours to explain and is rethrown. */
export function shownProblem(error: unknown): ShownProblem {
  if (!isNexusError(error)) throw error;
  switch (error.kind) {
    case 'network':
      return { status: 503, title: 'The Nexus API could not be reached', detail: error.message, errors: [] };
    case 'timeout':
      return { status: 504, title: 'The Nexus API did not answer in time', detail: error.message, errors: [] };
    default:
      return {
        status: error.status,
        title: error.title,
        ...(error.detail ? { detail: error.detail } : {}),
        errors: error.errors.map(({ path, message }) => ({ path, message })),
        ...(error.requestId ? { requestId: error.requestId } : {}),
      };
  }
}

/** Whether a field error's path names `field` (`body.email`, `query.email` or `email`). */
function isAbout(path: string, field: string): boolean {
  return path === field || path.replace(/^(body|query|path|header)\./, '') === field;
}

/** The message for one form field, if the problem names it. */
export function fieldError(problem: ShownProblem | null | undefined, field: string): string | undefined {
  return problem?.errors.find((e) => isAbout(e.path, field))?.message;
}

/** Field errors that no field of the form shows: listed with the problem itself. */
export function unplacedErrors(problem: ShownProblem | null | undefined, fields: readonly string[]): FieldProblem[] {
  return (problem?.errors ?? []).filter((e) => !fields.some((field) => isAbout(e.path, field)));
}
