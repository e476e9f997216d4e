import { TERMINATION_GROUNDS, type LegalDate, type Origin, type TerminationGround } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import type { Field } from './columns';
import { countryCodeOf } from './countries';
import { DateFormatError, legalDateOfCell } from './dates';
import { ImportCode, importMessage, type Lang, type RowIssue } from './issues';
import { NumberFormatError, decimalOf, decimalText, divideRounded, scaled, type Decimal } from './numbers';
import type { CellValue, RegisterSheet, SheetRow } from './read-sheet';
import { keyOf } from './text';

/** Money on one row as the certificate states it: VND, and for FDI the USD equivalent and the rate. */
export interface RowMoney {
  vnd: bigint;
  usdCents?: bigint;
  rate?: string;
  /** The column it was read from, for the report. */
  field: Field;
}

/** One register row, typed; what could not be read is an issue instead. */
export interface RegisterRow {
  row: number;
  code?: string;
  projectName?: string;
  investor?: string;
  country?: string;
  origin?: Origin;
  zoneId?: string;
  money?: RowMoney;
  issuedOn?: LegalDate;
  adjustmentNo?: number;
  adjustedOn?: LegalDate;
  terminated: boolean;
  terminatedOn?: LegalDate;
  terminationGround?: TerminationGround;
  decisionRef?: string;
  landAreaM2?: string;
  objectives?: string;
  durationYears?: number;
}

export interface RowContext {
  sheet: RegisterSheet;
  boardId: string;
  reference: ReferenceData;
  lang: Lang;
  /** VND per USD by year, for FDI rows that give USD only. */
  exchangeRates: Readonly<Record<string, string>>;
  issues: RowIssue[];
}

/** Capital columns by unit: the power of ten of one unit of the column in đồng or in dollars. */
const USD_COLUMNS = [['capitalUsd', 0], ['capitalMillionUsd', 6]] as const;
const VND_COLUMNS = [['capitalVnd', 0], ['capitalMillionVnd', 6], ['capitalBillionVnd', 9]] as const;

const ORIGIN_WORDS: ReadonlyArray<[string, Origin]> = [['fdi', 'FDI'], ['nuoc ngoai', 'FDI'], ['von nuoc ngoai', 'FDI'], ['co von dau tu nuoc ngoai', 'FDI'], ['foreign', 'FDI'], ['ddi', 'DDI'], ['trong nuoc', 'DDI'], ['von trong nuoc', 'DDI'], ['dau tu trong nuoc', 'DDI'], ['domestic', 'DDI']];
const TERMINATED_WORDS = ['cham dut', 'da cham dut', 'thu hoi', 'da thu hoi', 'giai the', 'het hieu luc', 'terminated', 'revoked'];
const VALID_WORDS = ['con hieu luc', 'hieu luc', 'dang hoat dong', 'hoat dong', 'dang trien khai', 'chua trien khai', 'dang xay dung', 'tam ngung', 'tam dung', 'active', 'valid', 'operating'];
const startsWithAny = (key: string, words: readonly string[]) => words.some((w) => key === w || key.startsWith(`${w} `));

export class RowReader {
  private readonly zoneByKey = new Map<string, string>();
  /** Who the sheet's zones must belong to, in the report's language, for ZONE_NOT_FOUND: the board's name and its zones'. */
  private readonly zonesOfBoard: { board: string; zones: string };

  constructor(private readonly context: RowContext) {
    const { reference, boardId, lang } = context;
    const named = (t: { name: string; nameVi: string }) => (lang === 'en' ? t.name : t.nameVi);
    const board = reference.board(boardId);
    // A board that took over closed ones also holds their zones.
    const zones = [boardId, ...reference.predecessorsOf(boardId)].flatMap((id) => reference.zonesOfBoard(id));
    this.zonesOfBoard = { board: board ? named(board) : boardId, zones: [...new Set(zones.map(named))].join(', ') };
    for (const zone of zones) {
      for (const name of [zone.id, zone.nameVi, zone.name, zone.nameVi.replace(/^(KCN|KCX|KKT)\s+/i, ''), zone.name.replace(/\s+(Industrial|Export Processing|Economic) Zone$/i, '')]) this.zoneByKey.set(keyOf(name), zone.id);
    }
  }

  /** The column the project code is read from: "Mã số dự án", else "Số GCNĐKĐT". */
  get codeField(): Field {
    return this.context.sheet.columns.some((c) => c.field === 'projectCode') ? 'projectCode' : 'certificateNo';
  }

  /** Reports an importer problem on a row, naming the column (letter and header) of `field`. */
  issue(row: number, field: Field | undefined, code: ImportCode, params: Record<string, string | number> = {}, severity: RowIssue['severity'] = 'error'): void {
    this.report(row, field, code, importMessage(code, params, this.context.lang), severity);
  }

  /** Any problem on a row (the decider's too), with its message already worded. */
  report(row: number, field: Field | undefined, code: string, message: string, severity: RowIssue['severity'] = 'error'): void {
    const column = field && this.context.sheet.columns.find((c) => c.field === field);
    this.context.issues.push({ row, ...(column ? { column: column.letter, header: column.header } : {}), code, severity, message });
  }

  read(sheetRow: SheetRow): RegisterRow {
    const get = (field: Field) => sheetRow.cells.get(field);
    const row = sheetRow.row;
    const text = (field: Field) => {
      const v = get(field);
      return v === undefined ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? decimalText(decimalOf(v)) : v;
    };
    const date = (field: Field) => this.date(row, field, get(field));
    const out: RegisterRow = { row, terminated: false };
    const code = text('projectCode') ?? text('certificateNo');
    const before = this.context.issues.length;
    if (code === undefined) this.issue(row, this.codeField, ImportCode.VALUE_MISSING, { field: 'mã số dự án / project code' });
    else out.code = code.replace(/\s+/g, '').toUpperCase();
    out.projectName = text('projectName');
    out.investor = text('investor');
    out.objectives = text('objectives');
    out.decisionRef = text('decisionRef');
    out.issuedOn = date('issuedOn');
    out.adjustedOn = date('adjustedOn');
    out.terminatedOn = date('terminatedOn');
    out.adjustmentNo = this.adjustmentNo(row, get('adjustmentNo'));
    const country = text('country');
    if (country !== undefined) {
      out.country = countryCodeOf(country);
      if (!out.country) this.issue(row, 'country', ImportCode.COUNTRY_UNKNOWN, { value: country });
    }
    out.origin = this.origin(row, text('origin'), out.country, sheetRow.cells);
    const zone = text('zone');
    if (zone !== undefined) {
      out.zoneId = this.zoneByKey.get(keyOf(zone));
      if (!out.zoneId) this.issue(row, 'zone', ImportCode.ZONE_NOT_FOUND, { value: zone, ...this.zonesOfBoard });
    }
    const status = text('status');
    if (status !== undefined) {
      const key = keyOf(status);
      if (startsWithAny(key, TERMINATED_WORDS)) out.terminated = true;
      else if (!startsWithAny(key, VALID_WORDS)) this.issue(row, 'status', ImportCode.STATUS_UNKNOWN, { value: status });
    }
    if (out.terminatedOn) out.terminated = true;
    if (out.terminated && !out.terminatedOn && get('terminatedOn') === undefined) this.issue(row, 'terminatedOn', ImportCode.TERMINATION_DATE_MISSING);
    const ground = text('terminationGround');
    if (ground !== undefined) out.terminationGround = TERMINATION_GROUNDS.find((g) => g === ground.toUpperCase()) ?? (keyOf(ground).includes('het thoi han') ? 'DURATION_EXPIRED' : 'INVESTOR_DECISION');
    out.landAreaM2 = this.landArea(row, get('landAreaM2'), get('landAreaHa'));
    const duration = get('durationYears');
    if (duration !== undefined) {
      const years = Number(typeof duration === 'number' ? duration : String(duration).replace(/[^\d]/g, ''));
      if (Number.isInteger(years) && years > 0) out.durationYears = years;
      else this.issue(row, 'durationYears', ImportCode.NOT_A_NUMBER, { value: String(duration) });
    }
    // A row already found wrong gets no money read: a missing date or amount would only be reported twice.
    if (out.origin && this.context.issues.length === before) out.money = this.money(row, out.origin, sheetRow.cells, out.adjustedOn ?? out.issuedOn);
    return out;
  }

  private date(row: number, field: Field, value: CellValue): LegalDate | undefined {
    if (value === undefined) return undefined;
    try {
      return legalDateOfCell(value);
    } catch (error) {
      if (!(error instanceof DateFormatError)) throw error;
      this.issue(row, field, ImportCode.NOT_A_DATE, { value: value instanceof Date ? 'Invalid Date' : String(value) });
      return undefined;
    }
  }

  private number(row: number, field: Field, value: CellValue): Decimal | undefined {
    if (value === undefined || value instanceof Date) {
      if (value instanceof Date) this.issue(row, field, ImportCode.NOT_A_NUMBER, { value: value.toISOString().slice(0, 10) });
      return undefined;
    }
    try {
      return decimalOf(value);
    } catch (error) {
      if (!(error instanceof NumberFormatError)) throw error;
      this.issue(row, field, ImportCode.NOT_A_NUMBER, { value: String(value) });
      return undefined;
    }
  }

  /** The first filled column of a currency, in its minor unit (cents or đồng). */
  private amount(row: number, cells: Map<Field, CellValue>, columns: ReadonlyArray<readonly [Field, number]>, decimals: number, unit: string): { value: bigint; field: Field } | undefined {
    for (const [field, shift] of columns) {
      const decimal = this.number(row, field, cells.get(field));
      if (!decimal) continue;
      const value = scaled(decimal, shift, decimals);
      if (value === undefined) this.issue(row, field, ImportCode.AMOUNT_TOO_PRECISE, { value: String(cells.get(field)), unit });
      else return { value, field };
    }
    return undefined;
  }

  private adjustmentNo(row: number, value: CellValue): number | undefined {
    if (value === undefined) return undefined;
    const key = keyOf(String(value instanceof Date ? '' : value));
    if (key === '' || /^(cap moi|lan dau|cap lan dau|goc|ban dau|new|original)$/.test(key)) return 0;
    const digits = /(\d+)/.exec(key);
    if (digits) return Number(digits[1]);
    this.issue(row, 'adjustmentNo', ImportCode.NOT_A_NUMBER, { value: String(value) });
    return undefined;
  }

  private origin(row: number, stated: string | undefined, country: string | undefined, cells: Map<Field, CellValue>): Origin | undefined {
    if (stated !== undefined) {
      const key = keyOf(stated);
      const found = ORIGIN_WORDS.find(([w]) => key === w || key.startsWith(`${w} `));
      if (found) return found[1];
      this.issue(row, 'origin', ImportCode.ORIGIN_UNKNOWN, { value: stated });
      return undefined;
    }
    if (country !== undefined) return country === 'VN' ? 'DDI' : 'FDI';
    return cells.has('capitalUsd') || cells.has('capitalMillionUsd') ? 'FDI' : 'DDI';
  }

  private landArea(row: number, m2: CellValue, ha: CellValue): string | undefined {
    const [field, value, shift] = m2 !== undefined ? (['landAreaM2', m2, 0] as const) : (['landAreaHa', ha, 4] as const);
    const decimal = this.number(row, field, value);
    if (!decimal) return undefined;
    const whole = scaled(decimal, shift, 0);
    return whole === undefined ? String(divideRounded(scaled(decimal, shift, 2) ?? 0n, 100n)) : String(whole);
  }

  /**
   * FDI: VND, USD and the rate, completed from what the row gives — VND = USD × rate (rounded half up
   * to the đồng) when VND is missing, the rate configured for the act's year when the rate is missing
   * too, USD = VND ÷ rate (to the cent) when only VND and a rate are given. DDI: VND only.
   */
  private money(row: number, origin: Origin, cells: Map<Field, CellValue>, on: LegalDate | undefined): RowMoney | undefined {
    const before = this.context.issues.length;
    const usd = this.amount(row, cells, USD_COLUMNS, 2, 'cent');
    const vnd = this.amount(row, cells, VND_COLUMNS, 0, 'đồng');
    const rateDecimal = this.number(row, 'exchangeRate', cells.get('exchangeRate'));
    if (this.context.issues.length > before) return undefined;
    if (origin === 'DDI') {
      if (!vnd) {
        if (!usd) this.issue(row, 'capitalVnd', ImportCode.VALUE_MISSING, { field: 'vốn đăng ký (VND) / registered capital (VND)' });
        else this.issue(row, usd.field, ImportCode.VALUE_MISSING, { field: 'vốn đăng ký (VND) của dự án DDI / VND capital of a DDI project' });
        return undefined;
      }
      return { vnd: vnd.value, field: vnd.field };
    }
    const year = on?.slice(0, 4);
    let rate = rateDecimal && scaled(rateDecimal, 0, 4);
    if (rate === undefined && usd && !vnd) {
      const configured = year ? this.context.exchangeRates[year] : undefined;
      if (!configured) {
        this.issue(row, usd.field, ImportCode.NO_RATE_FOR_YEAR, { year: year ?? '?' });
        return undefined;
      }
      rate = scaled(decimalOf(configured), 0, 4);
    }
    if (!usd && !(vnd && rate)) {
      this.issue(row, vnd?.field ?? 'capitalUsd', ImportCode.USD_MISSING);
      return undefined;
    }
    if (rate === undefined || rate === 0n) {
      // Both amounts and no rate: the rate they imply, to 4 decimals.
      rate = divideRounded((vnd as { value: bigint }).value * 1_000_000n, (usd as { value: bigint }).value);
    }
    const usdCents = usd?.value ?? divideRounded((vnd as { value: bigint }).value * 1_000_000n, rate);
    const vndValue = vnd?.value ?? divideRounded(usdCents * rate, 1_000_000n);
    return { vnd: vndValue, usdCents, rate: decimalText({ units: rate, scale: 4 }), field: usd?.field ?? (vnd as { field: Field }).field };
  }
}
