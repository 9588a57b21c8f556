import { NexusProblemError } from '@nexus/sdk';
import { expect } from 'vitest';

/** The problem an SDK call was refused with; fails the test when the call succeeds or fails otherwise. */
export async function problemOf(call: Promise<unknown>): Promise<NexusProblemError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NexusProblemError);
  return error as NexusProblemError;
}

/** The status an SDK call was answered with, a success or a problem, and the result when it succeeded: for races with one winner. */
export async function answerOf<T extends { response: Response }>(call: Promise<T>): Promise<{ status: number; result?: T }> {
  try {
    const result = await call;
    return { status: result.response.status, result };
  } catch (error) {
    if (error instanceof NexusProblemError) return { status: error.status };
    throw error;
  }
}

/** The status an SDK call was answered with, a success or a problem. */
export const statusOf = async (call: Promise<{ response: Response }>): Promise<number> => (await answerOf(call)).status;
