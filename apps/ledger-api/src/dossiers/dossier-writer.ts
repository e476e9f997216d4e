import { Inject, Injectable } from '@nestjs/common';
import type { DossierCommand } from '@ledger/domain';
import { recordDossierStep, type CommandContext, type DossierCommandBuilder, type ProjectWriteDeps } from '@ledger/ledger';
import { WRITE_DEPS } from '../tokens';

export interface DossierCommandResult {
  dossierId: string;
  streamVersion: number;
  position: string;
  events: { type: string }[];
  replayed: boolean;
}

export type CommandBuilder = DossierCommandBuilder;

/** A dossier step through the one write path (libs/ledger), with the process's shared write state. */
@Injectable()
export class DossierWriter {
  constructor(@Inject(WRITE_DEPS) private readonly deps: ProjectWriteDeps) {}

  async execute(dossierId: string, type: DossierCommand['type'], body: unknown, context: CommandContext, build: CommandBuilder): Promise<DossierCommandResult> {
    const outcome = await recordDossierStep(this.deps, dossierId, { type, body, build }, context);
    return { dossierId, streamVersion: Number(outcome.streamVersion), position: outcome.position.toString(), events: outcome.events.map((e) => ({ type: e.type })), replayed: outcome.replayed };
  }
}
