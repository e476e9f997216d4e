/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code: a rule code, or a transport code such as VALIDATION_FAILED. */
  code: string;
  instance?: string;
  /** For validation failures: each bad field with what is wrong with it. */
  errors?: { field: string; messages: string[]; rules?: string[]; label?: string }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:ledger:problem:${code.toLowerCase().replace(/_/g, '-')}`, title, status, detail, code, ...extra };
}
