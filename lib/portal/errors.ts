/**
 * The three ways a portal use case refuses. Callers map them: the REST API to 404 / 403 / 400,
 * the portal UI to a not-found page, a message, or field errors.
 */
import type { z } from 'zod';

/** No such thing — or the actor may not see it. One error for both, so ids of other teams do not leak. */
export class NotFoundError extends Error {
  constructor(what = 'application') {
    super(`No such ${what}, or you do not have access to it.`);
    this.name = 'NotFoundError';
  }
}

/** The actor can see the thing but their role does not allow this action. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export type ValidationIssue = { path: (string | number)[]; message: string };

/** Input that breaks a rule; each issue names the input field (path) it is about. */
export class ValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('\n'));
    this.name = 'ValidationError';
  }

  static fromZod(error: z.ZodError): ValidationError {
    return new ValidationError(error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message })));
  }

  static of(path: string, message: string): ValidationError {
    return new ValidationError([{ path: path ? [path] : [], message }]);
  }
}

/** Parses with a zod schema, turning its failure into a ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
