import type { CommandOf, ProjectCommandType } from '@ledger/domain';
import type { Actor } from '../../auth/roles';

/** Who acts and how the request was made; filled at the HTTP edge, never from the body. */
export interface RequestContext {
  requestId: string;
  actor: Actor;
  idempotencyKey?: string;
  /** Stream version the client holds (If-Match); absent = the ledger retries conflicts itself. */
  ifMatch?: bigint;
}

export interface CommandResult {
  projectCode: string;
  streamVersion: bigint;
  position: bigint;
  events: { type: string; adjustmentNo?: number }[];
  /** True when this was a retry of an already recorded request: nothing was appended. */
  replayed: boolean;
}

abstract class ProjectCommandMessage<T extends ProjectCommandType> {
  abstract readonly type: T;
  constructor(
    readonly projectCode: string,
    readonly data: CommandOf<T>['data'],
    readonly context: RequestContext,
  ) {}
}

export class IssueCertificateCommand extends ProjectCommandMessage<'IssueCertificate'> {
  readonly type = 'IssueCertificate';
}
export class IncreaseCapitalCommand extends ProjectCommandMessage<'IncreaseCapital'> {
  readonly type = 'IncreaseCapital';
}
export class DecreaseCapitalCommand extends ProjectCommandMessage<'DecreaseCapital'> {
  readonly type = 'DecreaseCapital';
}
export class AdjustCertificateCommand extends ProjectCommandMessage<'AdjustCertificate'> {
  readonly type = 'AdjustCertificate';
}
export class RecordRealizedCapitalCommand extends ProjectCommandMessage<'RecordRealizedCapital'> {
  readonly type = 'RecordRealizedCapital';
}
export class SuspendProjectCommand extends ProjectCommandMessage<'SuspendProject'> {
  readonly type = 'SuspendProject';
}
export class ResumeProjectCommand extends ProjectCommandMessage<'ResumeProject'> {
  readonly type = 'ResumeProject';
}
export class TerminateProjectCommand extends ProjectCommandMessage<'TerminateProject'> {
  readonly type = 'TerminateProject';
}

export class CorrectEventCommand extends ProjectCommandMessage<'CorrectEvent'> {
  readonly type = 'CorrectEvent';
}

export type AnyProjectCommand =
  | IssueCertificateCommand
  | IncreaseCapitalCommand
  | DecreaseCapitalCommand
  | AdjustCertificateCommand
  | RecordRealizedCapitalCommand
  | SuspendProjectCommand
  | ResumeProjectCommand
  | TerminateProjectCommand
  | CorrectEventCommand;
