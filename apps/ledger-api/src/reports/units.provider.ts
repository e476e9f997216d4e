import type { Provider } from '@nestjs/common';
import { unitsOf, type Units } from '@ledger/reporting';
import { ReferenceData } from '@ledger/reference-data';
import { REFERENCE_DATA, UNITS } from '../tokens';


export const referenceDataProvider: Provider = { provide: REFERENCE_DATA, useFactory: () => ReferenceData.load() };

/** Report grouping over the reference data: board → province → region. */
export const unitsProvider: Provider = { provide: UNITS, inject: [REFERENCE_DATA], useFactory: (ref: ReferenceData): Units => unitsOf(ref) };
