/** Administrative units are temporal: each has a validity interval and, once closed, a successor. */
interface Temporal {
  id: string;
  name: string;
  nameVi: string;
  validFrom: string;
  validTo: string | null;
}

export interface Province extends Temporal {
  successorId: string | null;
}

export interface Board extends Temporal {
  provinceId: string;
  successorId: string | null;
}

export interface Zone {
  id: string;
  kind: 'KCN' | 'KCX' | 'KKT';
  name: string;
  nameVi: string;
  /** The board at the zone's creation; succession moves it to later boards. */
  boardId: string;
  industrialLandHa: string;
}

export interface Region extends Temporal {
  provinceIds: string[];
}

export interface ReferenceDataSet {
  version: string;
  provinces: Province[];
  boards: Board[];
  zones: Zone[];
  regions: Region[];
}

export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}
