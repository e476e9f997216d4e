import { RuleCode, rule } from '../errors';
import { isLegalDate, vietnamDateOf } from '../legal-date';
import type { DossierCommand, DossierCommandOf } from './commands';
import { dossierClock } from './deadline';
import { CLOSED_STATUSES, type DossierState } from './state';
import type { ActLink, DossierEvent } from './types';

/** ISO 8601 instant with an explicit offset: a bare local time would be ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function instant(value: string, field: string, now: string): number {
  const t = INSTANT.test(value) ? Date.parse(value) : NaN;
  rule(!Number.isNaN(t), RuleCode.INSTANT_INVALID, `${field} must be an ISO 8601 instant with offset, e.g. 2025-01-15T09:30:00+07:00, got ${JSON.stringify(value)}`);
  rule(t <= Date.parse(now), RuleCode.FUTURE_DATED, `${field} ${value} is in the future (now is ${now})`);
  return t;
}

const required = (text: string | undefined, code: RuleCode, message: string) => rule(typeof text === 'string' && text.trim() !== '', code, message);

/** A step on a received, open dossier, dated after receipt and after the step before it. */
function requireStep(state: DossierState, at: string, field: string, now: string, closedCode: RuleCode = RuleCode.DOSSIER_CLOSED): void {
  rule(state.status !== 'NONE', RuleCode.DOSSIER_NOT_FOUND, 'no dossier with this id has been received');
  rule(!CLOSED_STATUSES.includes(state.status), closedCode, `the dossier was closed (${state.status.toLowerCase()}) at ${state.closedAt}; it accepts nothing more`);
  const t = instant(at, field, now);
  rule(t >= Date.parse(state.receivedAt as string), RuleCode.DOSSIER_BEFORE_RECEIPT, `${field} ${at} precedes the receipt of the dossier at ${state.receivedAt}`);
  rule(t >= Date.parse(state.lastStepAt as string), RuleCode.DOSSIER_BEFORE_LAST_STEP, `${field} ${at} precedes the dossier's last recorded step at ${state.lastStepAt}`);
}

function requireClockRunning(state: DossierState, what: string): void {
  rule(state.status !== 'AWAITING_SUPPLEMENT', RuleCode.DOSSIER_AWAITING_SUPPLEMENT, `the dossier awaits the documents requested from the applicant; ${what} after they are supplied`);
}

function receive(command: DossierCommandOf<'ReceiveDossier'>, state: DossierState): DossierEvent[] {
  const { procedureCode, ...data } = command.data;
  rule(state.status === 'NONE', RuleCode.DOSSIER_ALREADY_RECEIVED, `dossier ${data.dossierId} was already received at ${state.receivedAt}`);
  const procedure = command.procedure;
  rule(procedure !== undefined && procedure.code === procedureCode, RuleCode.PROCEDURE_UNKNOWN, `procedure ${procedureCode} is not in the catalogue (config/procedures.json)`);
  instant(data.receivedAt, 'receivedAt', command.now);
  const clock = dossierClock(data.receivedAt, procedure, command.calendar, command.officeClosesAt);
  return [{ type: 'DossierReceived', data: { ...data, procedure, ...clock } }];
}

function requestSupplement(command: DossierCommandOf<'RequestSupplement'>, state: DossierState): DossierEvent[] {
  const { requestedAt } = command.data;
  requireStep(state, requestedAt, 'requestedAt', command.now);
  requireClockRunning(state, 'ask again');
  // Asking on the appointment day itself is still in time; once it has passed, the board owes an apology instead.
  const day = vietnamDateOf(new Date(requestedAt));
  rule(day <= (state.appointmentOn as string), RuleCode.SUPPLEMENT_AFTER_DEADLINE, `the appointment date ${state.appointmentOn} passed before ${day}; record a delay with an apology instead`);
  return [{ type: 'DossierSupplementRequested', data: command.data }];
}

function supplement(command: DossierCommandOf<'SupplementDossier'>, state: DossierState): DossierEvent[] {
  const { supplementedAt } = command.data;
  requireStep(state, supplementedAt, 'supplementedAt', command.now);
  rule(state.status === 'AWAITING_SUPPLEMENT', RuleCode.NO_SUPPLEMENT_REQUESTED, 'no supplement was requested for this dossier');
  const clock = dossierClock(supplementedAt, state.procedure!, command.calendar, command.officeClosesAt);
  return [{ type: 'DossierSupplemented', data: { ...command.data, ...clock } }];
}

function linkActs(command: DossierCommandOf<'ResolveDossier'>, state: DossierState): ActLink[] {
  const acts = command.data.acts ?? [];
  rule(acts.length > 0, RuleCode.APPROVAL_NEEDS_ACT, 'an approval must link the ledger act(s) it produced (stream and version)');
  const projects = new Set<string>();
  const links = acts.map(({ streamId, version, found }) => {
    rule(found !== undefined, RuleCode.ACT_NOT_FOUND, `the ledger has no act at ${streamId} version ${version}`);
    rule(found.boardId === state.boardId, RuleCode.ACT_OF_OTHER_BOARD, `the act at ${streamId} version ${version} was recorded by board ${found.boardId}, not ${state.boardId}`);
    rule(found.dossierId === undefined || found.dossierId === state.dossierId, RuleCode.ACT_OF_OTHER_DOSSIER, `the act at ${streamId} version ${version} belongs to dossier ${found.dossierId}`);
    rule(state.procedure!.actTypes.includes(found.type), RuleCode.ACT_TYPE_NOT_OF_PROCEDURE, `a ${found.type} is not an act of procedure ${state.procedure!.code} (${state.procedure!.actTypes.join(', ')})`);
    projects.add(found.projectCode);
    return { streamId, version, type: found.type };
  });
  const project = state.projectCode ?? [...projects][0];
  rule(projects.size === 1 && projects.has(project), RuleCode.ACT_OF_OTHER_PROJECT, `the linked acts concern project(s) ${[...projects].join(', ')}, the dossier concerns ${project}`);
  return links;
}

function resolve(command: DossierCommandOf<'ResolveDossier'>, state: DossierState): DossierEvent[] {
  const { resolvedAt, outcome, reason } = command.data;
  requireStep(state, resolvedAt, 'resolvedAt', command.now, state.status === 'RESOLVED' ? RuleCode.DOSSIER_ALREADY_RESOLVED : RuleCode.DOSSIER_CLOSED);
  if (outcome === 'REFUSED') {
    required(reason, RuleCode.REASON_REQUIRED, 'a refusal must give the reason in writing');
    rule(!command.data.acts?.length, RuleCode.REFUSAL_LINKS_ACTS, 'a refusal produces no ledger act; link acts only to an approval');
    return [{ type: 'DossierResolved', data: { resolvedAt, outcome, reason } }];
  }
  requireClockRunning(state, 'approve it');
  return [{ type: 'DossierResolved', data: { resolvedAt, outcome, acts: linkActs(command, state) } }];
}

function delay(command: DossierCommandOf<'DelayDossier'>, state: DossierState): DossierEvent[] {
  const { delayedAt, apology, newAppointmentOn } = command.data;
  requireStep(state, delayedAt, 'delayedAt', command.now);
  requireClockRunning(state, 'a delay can be recorded');
  required(apology, RuleCode.APOLOGY_REQUIRED, 'a delay must carry the written apology to the applicant');
  rule(isLegalDate(newAppointmentOn), RuleCode.DATE_INVALID, `newAppointmentOn must be an existing date YYYY-MM-DD, got ${JSON.stringify(newAppointmentOn)}`);
  rule(newAppointmentOn > (state.appointmentOn as string) && newAppointmentOn >= vietnamDateOf(new Date(delayedAt)), RuleCode.APPOINTMENT_NOT_LATER, `the new appointment ${newAppointmentOn} must be after the current one, ${state.appointmentOn}, and not before the delay is recorded`);
  return [{ type: 'DossierDelayed', data: command.data }];
}

function withdraw(command: DossierCommandOf<'WithdrawDossier'>, state: DossierState): DossierEvent[] {
  requireStep(state, command.data.withdrawnAt, 'withdrawnAt', command.now);
  return [{ type: 'DossierWithdrawn', data: command.data }];
}

function transfer(command: DossierCommandOf<'TransferDossier'>, state: DossierState): DossierEvent[] {
  requireStep(state, command.data.transferredAt, 'transferredAt', command.now);
  required(command.data.toAgency, RuleCode.REASON_REQUIRED, 'a transfer must name the agency the dossier goes to');
  required(command.data.reason, RuleCode.REASON_REQUIRED, 'a transfer must give its reason');
  return [{ type: 'DossierTransferred', data: command.data }];
}

/** Pure decider of the dossier aggregate: the events a command produces, or a thrown RuleViolation. */
export function decideDossier(command: DossierCommand, state: DossierState): DossierEvent[] {
  switch (command.type) {
    case 'ReceiveDossier':
      return receive(command, state);
    case 'RequestSupplement':
      return requestSupplement(command, state);
    case 'SupplementDossier':
      return supplement(command, state);
    case 'ResolveDossier':
      return resolve(command, state);
    case 'DelayDossier':
      return delay(command, state);
    case 'WithdrawDossier':
      return withdraw(command, state);
    case 'TransferDossier':
      return transfer(command, state);
  }
}
