import { decideDossier, dossierStreamIdOf, evolveDossier, initialDossierState, type DossierCommand, type DossierEvent, type DossierState } from '@ledger/domain';
import { AuthorityCode, AuthorityError } from '../errors';
import type { CommandContext } from '../context';
import { handleCommand, type CommandOutcome } from '../handle-command';
import { actingBoardOf } from '../project/authority';
import type { ProjectWriteDeps } from '../project/record-project-act';
import type { Aggregate } from '../stream-states';

export const dossierAggregate: Aggregate<DossierState> = {
  initialState: initialDossierState,
  evolve: (state, recorded) => recorded.reduce((s, e) => evolveDossier(s, { type: e.type, data: e.data } as DossierEvent), state),
};

/** Builds the domain command once the state is known (an approval looks up the acts it links). */
export type DossierCommandBuilder = (state: DossierState, now: Date) => DossierCommand | Promise<DossierCommand>;

/**
 * One step of a dossier through the write path: the officer acts for the board holding the dossier today
 * (a receipt: for their own board itself), the decider decides, the events carry the dossier id.
 */
export function recordDossierStep(deps: ProjectWriteDeps, dossierId: string, step: { type: DossierCommand['type']; body: unknown; build: DossierCommandBuilder }, context: CommandContext): Promise<CommandOutcome<DossierState>> {
  return handleCommand(
    deps,
    dossierAggregate,
    {
      streamId: dossierStreamIdOf(dossierId),
      name: step.type,
      payload: { dossierId, data: step.body },
      authorize(state, today) {
        // Only a receipt names the board; any other step without one gets DOSSIER_NOT_FOUND from the decider.
        const boardId = state.boardId ?? (step.body as { boardId?: string }).boardId;
        if (boardId === undefined) return undefined;
        const holder = actingBoardOf(deps.reference, boardId, { en: `dossier ${dossierId}`, vi: `Hồ sơ ${dossierId}` }, context.actor, today);
        if (state.status === 'NONE' && context.actor.role === 'officer' && boardId !== context.actor.boardId) {
          throw new AuthorityError(AuthorityCode.OUTSIDE_JURISDICTION, `a dossier for board ${boardId} is received by that board; you act for ${context.actor.boardId}`, { boardId, ownBoardId: context.actor.boardId ?? '', subject: `Hồ sơ ${dossierId}` });
        }
        return holder;
      },
      async decide(state, boardId) {
        return { events: decideDossier(await step.build(state, context.now), state), metadata: { boardId, dossierId } };
      },
    },
    context,
  );
}
