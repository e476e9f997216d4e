import { decideDossier } from '../dossier/decide';
import { foldDossier } from '../dossier/state';
import { deciderSpec } from './decider-spec';

/** Given/when/then for the dossier decider. */
export const givenDossier = deciderSpec(decideDossier, foldDossier);
