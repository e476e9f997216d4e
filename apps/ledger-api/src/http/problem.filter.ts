import { ArgumentsHost, Catch, HttpException, Inject, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RuleCode, RuleViolation } from '@ledger/domain';
import { IdempotencyConflictError, WrongExpectedVersionError } from '@ledger/event-store';
import { langOf, localizeProblem, type LocalizableProblem } from '@ledger/labels';
import { AuthorityError } from '@ledger/ledger';
import { ProjectionLagError } from '@ledger/projections';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { type SecurityEvents } from '../auth/security-events';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from './problem';
import type { ReferenceData } from '@ledger/reference-data';
import { REFERENCE_DATA, SECURITY_EVENTS } from '../tokens';

/** Codes that describe malformed input rather than a broken business rule. */
const FORMAT_CODES = new Set<string>([RuleCode.PROJECT_CODE_INVALID, RuleCode.DATE_INVALID, RuleCode.AMOUNT_INVALID, RuleCode.PERIOD_INVALID, RuleCode.INSTANT_INVALID]);

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

export function toProblem(error: unknown): Problem {
  if (error instanceof RuleViolation) {
    if (error.code === RuleCode.PROJECT_NOT_FOUND) return problem(404, error.code, 'Project not found', error.message);
    if (error.code === RuleCode.DOSSIER_NOT_FOUND) return problem(404, error.code, 'Dossier not found', error.message, { params: error.params });
    if (error.code === RuleCode.USER_NOT_FOUND) return problem(404, error.code, 'Person not found', error.message, { params: error.params });
    if (FORMAT_CODES.has(error.code)) return problem(400, error.code, 'The request is invalid', error.message, { params: error.params });
    return problem(422, error.code, 'Business rule violated', error.message, { params: error.params });
  }
  if (error instanceof AuthorityError) return problem(403, error.code, 'Outside your authority', error.message, { ...error.details, params: error.details });
  if (error instanceof WrongExpectedVersionError) {
    return problem(409, 'VERSION_CONFLICT', 'The project has changed', `${error.message}; reload the project and retry with If-Match: ${error.actual}`, {
      currentVersion: Number(error.actual),
    });
  }
  if (error instanceof ProjectionLagError) {
    return problem(503, 'READ_MODEL_BEHIND', 'Read models are catching up', `${error.message}; retry shortly`, { retryAfterSeconds: 1 });
  }
  if (error instanceof IdempotencyConflictError) {
    return problem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency key already used', 'this Idempotency-Key was already used for a request with a different body (or by another person or board)');
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'object' && body !== null && 'code' in body && 'type' in body) return body as Problem;
    const status = error.getStatus();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    // Nest turns body-parser's SyntaxError into a plain 400; name it for what it is.
    if (status === 400 && /JSON/.test(String(message))) return problem(400, 'MALFORMED_JSON', 'Malformed JSON', `the request body is not valid JSON: ${String(message)}`);
    return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, error.name.replace(/Exception$/, ''), Array.isArray(message) ? message.join('; ') : String(message));
  }
  // Body-parser errors reach us as plain errors carrying an HTTP status.
  const status = (error as { status?: unknown; type?: string })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return problem(413, 'PAYLOAD_TOO_LARGE', 'Payload too large', `the request body exceeds the limit of ${(error as { limit?: number }).limit} bytes`);
    return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, 'Bad request', (error as Error).message);
  }
  return problem(500, 'INTERNAL_ERROR', 'Internal error', 'the ledger could not complete the request; nothing was recorded unless a position was returned');
}

const BOARD_PARAMS = ['boardId', 'ownBoardId', 'zoneBoardId', 'successorId'];

/**
 * The Vietnamese detail names boards and zones as people know them ("Ban Quản lý các KCN Bắc Ninh",
 * not BQL-BN); an id the reference data does not know (the very thing refused) stays as sent.
 */
function namedParams(problem: Problem & LocalizableProblem, reference: ReferenceData): Problem & LocalizableProblem {
  const params = problem.params;
  if (!params) return problem;
  const named = { ...params };
  for (const key of BOARD_PARAMS) if (typeof named[key] === 'string') named[key] = reference.board(named[key] as string)?.nameVi ?? named[key];
  if (typeof named.zoneId === 'string') named.zoneId = reference.zone(named.zoneId)?.nameVi ?? named.zoneId;
  return { ...problem, params: named };
}

/** Every error leaves as application/problem+json; internals never reach the client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(
    @Inject(SECURITY_EVENTS) private readonly security: SecurityEvents,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceData,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    // Titles and details follow Accept-Language (Vietnamese when asked); the code never changes.
    const lang = langOf(request.header('accept-language'));
    const raw = { ...toProblem(error), instance: request.originalUrl } as Problem & LocalizableProblem;
    const { params: _params, ...built } = localizeProblem(lang === 'vi' ? namedParams(raw, this.reference) : raw, lang);
    const body: Problem = { ...built, ...(built.errors ? { errors: built.errors.map(({ rules: _rules, ...e }) => e) } : {}) };
    if (body.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    response.locals.problemCode = body.code;
    if (body.status === 401 || body.status === 403) this.recordRefusal(request, body);
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  /** Every refused token and refused act, wherever it was refused (guard, directory, jurisdiction). */
  private recordRefusal(request: AuthenticatedRequest, body: Problem): void {
    const who = request.user ? { sub: request.user.id, name: request.user.name, role: request.user.role, boardId: request.user.boardId } : { sub: request.identity?.sub };
    this.security.record(request, { kind: body.status === 401 ? 'token_refused' : 'act_refused', ...who, code: body.code, reason: typeof body.reason === 'string' ? `${body.reason}: ${body.detail}` : body.detail });
  }
}
