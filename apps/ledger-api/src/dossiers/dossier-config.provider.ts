import type { Provider } from '@nestjs/common';
import { vietnamDateOf } from '@ledger/domain';
import { loadDossierConfig } from '@ledger/reference-data';
import { type Clock } from '../store/store.providers';
import { CLOCK, DOSSIER_CONFIG } from '../tokens';


/** Procedures and the holiday calendar through the current year; a missing year stops start-up. */
export const dossierConfigProvider: Provider = {
  provide: DOSSIER_CONFIG,
  inject: [CLOCK],
  useFactory: (clock: Clock) => loadDossierConfig('config', Number(vietnamDateOf(clock()).slice(0, 4))),
};
