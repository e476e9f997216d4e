/** Administrative units are temporal: each has a validity interval and, once closed, a successor. */
export interface Temporal {
  id: string;
  /** ASCII English name. */
  name: string;
  /** Vietnamese name with diacritics. */
  nameVi: string;
  /** First legal day of validity, YYYY-MM-DD. */
  validFrom: string;
  /** Last legal day of validity, or null while still valid. */
  validTo: string | null;
  /** Free-text remark for editors (sources, doubts); never interpreted. */
  note?: string;
}

export interface Province extends Temporal {
  /** The province that took this one over when it closed (2025 merger), or null. */
  successorId: string | null;
}

export interface Board extends Temporal {
  provinceId: string;
  /** The board that took over this board's projects when it closed, or null. */
  successorId: string | null;
}

export type ZoneKind = 'KCN' | 'KCX' | 'KKT';

export interface Zone {
  id: string;
  kind: ZoneKind;
  name: string;
  nameVi: string;
  /** The board at the zone's creation (pre-2025); succession moves the zone to later boards. */
  boardId: string;
  /** Industrial land area in hectares, as a decimal string. */
  industrialLandHa: string;
  note?: string;
}

/** A socio-economic region; the same id may have several versions with disjoint intervals. */
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

/** Reference data that cannot be used; the message is one line naming the file, the record and the fault. */
export class ReferenceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceDataError';
  }
}
