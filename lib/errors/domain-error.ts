// The one base for errors the domain raises on purpose: bad input, a refused action, a conflict.
// Each carries a stable code (route handlers map codes to HTTP statuses in one table, in
// lib/http/error-response.ts), a message written for a person, and where the problem is, so the
// person can go straight to it: a file and line for notes and scenarios, a JSON path for policies,
// backups and request bodies.

export interface ErrorLocation {
  file?: string;
  line?: number;
  /** A JSON path inside the document, e.g. `Statement[1].Effect` (see formatJsonPath). */
  path?: string;
}

export class DomainError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly where: ErrorLocation;

  constructor(code: Code, message: string, where: ErrorLocation = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.where = where;
  }

  /** One line for people: where, then what ("notes/iam.md:12 Statement[0]: ..."). */
  describe(): string {
    return describeProblem(this.message, this.where);
  }
}

/** "file:line path: message", leaving out the parts that are not known. */
export function describeProblem(message: string, where: ErrorLocation): string {
  const file = where.file ? (where.line !== undefined ? `${where.file}:${where.line}` : where.file) : "";
  const place = [file, where.path].filter(Boolean).join(" ");
  return place ? `${place}: ${message}` : message;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
