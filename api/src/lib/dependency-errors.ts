import { ProblemError, problems } from './problem.js';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs that mean "the server, not the query, is the problem".
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300|53200)$/;

/**
 * Recognises errors that mean a datastore is down or unreachable (as opposed
 * to a bug or a bad query) and turns them into a 503 problem naming it.
 */
export function asDependencyProblem(error: unknown): ProblemError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const message = error.message;
  const name = error.name;
  if (typeof code === 'string' && PG_UNAVAILABLE.test(code)) return problems.unavailable('postgres', undefined, error);
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED .*:\d+/.test(message) &&
    !/redis/i.test(message)
  ) {
    if (isRedisError(error)) return problems.unavailable('redis', undefined, error);
    return problems.unavailable('postgres', undefined, error);
  }
  if (isRedisError(error)) return problems.unavailable('redis', undefined, error);
  if (name === 'Neo4jError' && /ServiceUnavailable|SessionExpired/.test(String(code))) {
    return problems.unavailable('neo4j', undefined, error);
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return problems.unavailable('datastore', undefined, error);
  return undefined;
}

function isRedisError(error: Error): boolean {
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /enableOfflineQueue|Connection is closed|Redis connection|Stream isn't writeable|redis/i.test(error.message)
  );
}
