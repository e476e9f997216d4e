import type { Provider } from '@nestjs/common';
import { vietnamDateOf } from '@ledger/domain';
import { loadDossierConfig } from '@ledger/reference-data';
import { CLOCK, type Clock } from '../store/store.providers';

export const DOSSIER_CONFIG = Symbol('DOSSIER_CONFIG');

/** Procedures and the holiday calendar through the current year; a missing year stops start-up. */
export const dossierConfigProvider: Provider = {
  provide: DOSSIER_CONFIG,
  inject: [CLOCK],
  useFactory: (clock: Clock) => loadDossierConfig('config', Number(vietnamDateOf(clock()).slice(0, 4))),
};
