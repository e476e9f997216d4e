/** Every Nest DI token of the API, in one place: what each stands for, and the provider that fills it. */
/** The write path's shared state (folded streams, per-stream order): libs/ledger ProjectWriteDeps (record-project-act). */
export const WRITE_DEPS = Symbol('WRITE_DEPS');
/** The validated environment configuration (LedgerConfig) (ledger-config). */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
/** Structured security-event log and counters (security-events). */
export const SECURITY_EVENTS = Symbol('SECURITY_EVENTS');
/** The user directory folded from the log (access.service). */
export const USER_DIRECTORY = Symbol('USER_DIRECTORY');
/** Bearer token verification: the OpenID Connect issuer, or HS256 in development (token-verifier). */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
/** Procedure catalogue and working calendar (dossier-config.provider). */
export const DOSSIER_CONFIG = Symbol('DOSSIER_CONFIG');
/** The pool of read worker threads (read-workers.provider). */
export const READ_WORKERS = Symbol('READ_WORKERS');
/** The projector thread main.ts spawned before the modules loaded, or null (read-models.providers). */
export const EARLY_PROJECTOR_THREAD = Symbol('EARLY_PROJECTOR_THREAD');
/** The catch-up projection runner of the read models (read-models.providers). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** Exchange rates and filing deadlines for the operations reports (operations-config). */
export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');
/** The configured EventStore adapter (store.providers). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The system clock (replaced in tests) (store.providers). */
export const CLOCK = Symbol('CLOCK');
/** Temporal reference data (boards, zones, provinces, regions) (units.provider). */
export const REFERENCE_DATA = Symbol('REFERENCE_DATA');
/** Report answers kept until the read models' checkpoint moves, or null when turned off (report-cache.interceptor). */
export const REPORT_CACHE = Symbol('REPORT_CACHE');
/** Certificate and history answers kept until anything is appended, or null (off, or a store without a write mark) (report-cache.interceptor). */
export const LOG_ANSWERS = Symbol('LOG_ANSWERS');
/** Report grouping over the reference data (units.provider). */
export const UNITS = Symbol('UNITS');
