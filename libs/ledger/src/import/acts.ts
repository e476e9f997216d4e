import { formatUsdCents, type CertificateChanges, type CertificateMoneyJson, type Origin } from '@ledger/domain';
import type { ProjectAct } from '../project/record-project-act';
import type { Field } from './columns';
import { ImportCode } from './issues';
import { decimalOf, divideRounded, scaled } from './numbers';
import type { RegisterRow, RowMoney, RowReader } from './rows';

export type Layout = 'projects' | 'versions';

/** One act to decide, with the row and the columns its date and money came from (to name them in the report). */
export interface PlannedAct {
  act: ProjectAct;
  row: number;
  dateField: Field;
  moneyField?: Field;
}

export interface PlannedProject {
  code: string;
  rows: number[];
  acts: PlannedAct[];
}

export interface PlanDefaults {
  /** Certificate content registers seldom carry: years of operation when the sheet has no such column. */
  durationYears: number;
  terminationGround: 'INVESTOR_DECISION';
}

/** Several rows with one project code make a version register; otherwise one row is one project. */
export function detectLayout(rows: readonly RegisterRow[]): Layout {
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.code === undefined) continue;
    if (seen.has(r.code)) return 'versions';
    seen.add(r.code);
  }
  return 'projects';
}

const moneyJson = (m: RowMoney, origin: Origin): CertificateMoneyJson =>
  origin === 'FDI' ? { vnd: m.vnd.toString(), usd: formatUsdCents(m.usdCents ?? 0n), ...(m.rate ? { exchangeRate: m.rate } : {}) } : { vnd: m.vnd.toString() };

export class ActPlanner {
  constructor(
    private readonly reader: RowReader,
    /** The board that issued a certificate in a zone on a date (a merged board's register holds its predecessors' projects). */
    private readonly issuingBoardOf: (zoneId: string, issuedOn: string) => string,
    private readonly defaultZone: string | undefined,
    private readonly defaults: PlanDefaults,
    /** Where a termination decision has no number: the row it was read from. */
    private readonly decisionRefOf: (row: number) => string,
  ) {}

  /** Projects with a row already found wrong (`erroneous`) are reported, not planned. */
  plan(rows: readonly RegisterRow[], layout: Layout, erroneous: ReadonlySet<number>): PlannedProject[] {
    const groups = new Map<string, RegisterRow[]>();
    for (const r of rows) {
      if (r.code === undefined) continue;
      const group = groups.get(r.code) ?? [];
      if (layout === 'projects' && group.length > 0) {
        this.reader.issue(r.row, this.reader.codeField, ImportCode.DUPLICATE_PROJECT, { value: r.code, first: group[0].row });
        continue;
      }
      group.push(r);
      groups.set(r.code, group);
    }
    const projects: PlannedProject[] = [];
    for (const [code, group] of groups) {
      if (group.some((r) => erroneous.has(r.row))) continue;
      const acts = layout === 'projects' ? this.fromCurrentFigures(group[0]) : this.fromVersions(code, group);
      if (acts) projects.push({ code, rows: group.map((r) => r.row), acts });
    }
    return projects;
  }

  private issuance(r: RegisterRow): PlannedAct | undefined {
    const missing = (field: Field, label: string) => (this.reader.issue(r.row, field, ImportCode.VALUE_MISSING, { field: label }), undefined);
    if (!r.origin || !r.money) return undefined;
    if (!r.issuedOn) return missing('issuedOn', 'ngày cấp / issue date');
    if (!r.projectName) return missing('projectName', 'tên dự án / project name');
    if (!r.investor) return missing('investor', 'nhà đầu tư / investor');
    const zoneId = r.zoneId ?? this.defaultZone;
    if (!zoneId) return missing('zone', 'KCN / zone');
    const country = r.country ?? (r.origin === 'DDI' ? 'VN' : undefined);
    if (!country) return missing('country', 'quốc tịch / country');
    return {
      row: r.row,
      dateField: 'issuedOn',
      moneyField: r.money.field,
      act: {
        type: 'IssueCertificate',
        projectCode: r.code as string,
        data: {
          projectCode: r.code as string,
          boardId: this.issuingBoardOf(zoneId, r.issuedOn),
          zoneId,
          projectName: r.projectName,
          investors: [{ name: r.investor, country }],
          origin: r.origin,
          registeredCapital: moneyJson(r.money, r.origin),
          ...(r.landAreaM2 ? { landAreaM2: r.landAreaM2 } : {}),
          objectives: r.objectives ?? r.projectName,
          durationYears: r.durationYears ?? this.defaults.durationYears,
          issuedOn: r.issuedOn,
        },
      },
    };
  }

  private termination(r: RegisterRow): PlannedAct | undefined {
    if (!r.terminatedOn) return undefined;
    return {
      row: r.row,
      dateField: 'terminatedOn',
      act: { type: 'TerminateProject', projectCode: r.code as string, data: { ground: r.terminationGround ?? this.defaults.terminationGround, effectiveOn: r.terminatedOn, decisionRef: r.decisionRef ?? this.decisionRefOf(r.row) } },
    };
  }

  /** One row with today's figures: the certificate as issued with its current capital, then its termination. */
  private fromCurrentFigures(r: RegisterRow): PlannedAct[] | undefined {
    const issued = this.issuance(r);
    if (!issued) return undefined;
    const ended = r.terminated ? this.termination(r) : undefined;
    return ended ? [issued, ended] : [issued];
  }

  /**
   * Certificate versions 0, 1, 2…: the issuance, then per version the capital change against the previous
   * version (an increase or a decrease; for FDI the USD difference, its VND at that version's rate) and
   * any other content that changed, on the version's date; a termination last.
   */
  private fromVersions(code: string, group: RegisterRow[]): PlannedAct[] | undefined {
    const versions = group.some((r) => r.adjustmentNo !== undefined) ? [...group].sort((a, b) => (a.adjustmentNo ?? 0) - (b.adjustmentNo ?? 0)) : group;
    for (let i = 1; i < versions.length; i++) {
      if ((versions[i].adjustmentNo ?? i) === (versions[i - 1].adjustmentNo ?? i - 1)) {
        this.reader.issue(versions[i].row, 'adjustmentNo', ImportCode.DUPLICATE_VERSION, { value: versions[i].adjustmentNo ?? i, first: versions[i - 1].row });
        return undefined;
      }
    }
    if ((versions[0].adjustmentNo ?? 0) !== 0) {
      this.reader.issue(versions[0].row, 'adjustmentNo', ImportCode.ISSUANCE_MISSING, { value: code });
      return undefined;
    }
    const issued = this.issuance(versions[0]);
    if (!issued) return undefined;
    const origin = versions[0].origin as Origin;
    const acts = [issued];
    let previous = versions[0];
    for (const version of versions.slice(1)) {
      if (!version.money) return undefined;
      if (!version.adjustedOn) {
        this.reader.issue(version.row, 'adjustedOn', ImportCode.VALUE_MISSING, { field: 'ngày điều chỉnh / adjustment date' });
        return undefined;
      }
      const before = acts.length;
      const capital = this.capitalChange(previous, version, origin);
      if (capital) acts.push(capital);
      const changes = this.changes(previous, version);
      if (changes) acts.push({ row: version.row, dateField: 'adjustedOn', act: { type: 'AdjustCertificate', projectCode: code, data: { changes, effectiveOn: version.adjustedOn, reason: `Chứng nhận thay đổi lần thứ ${version.adjustmentNo ?? acts.length - 1}` } } });
      if (acts.length === before) this.reader.issue(version.row, undefined, ImportCode.NOTHING_TO_RECORD, {}, 'warning');
      previous = { ...previous, ...Object.fromEntries(Object.entries(version).filter(([, v]) => v !== undefined)) } as RegisterRow;
    }
    const ended = versions.find((r) => r.terminated);
    const termination = ended && this.termination(ended);
    return termination ? [...acts, termination] : acts;
  }

  private capitalChange(previous: RegisterRow, version: RegisterRow, origin: Origin): PlannedAct | undefined {
    const [was, now] = [previous.money as RowMoney, version.money as RowMoney];
    const usdDelta = (now.usdCents ?? 0n) - (was.usdCents ?? 0n);
    const delta = origin === 'FDI' ? usdDelta : now.vnd - was.vnd;
    if (delta === 0n) return undefined;
    const size = delta < 0n ? -delta : delta;
    const rate = now.rate ?? was.rate;
    const amount: CertificateMoneyJson =
      origin === 'FDI' ? { vnd: divideRounded(size * (scaled(decimalOf(rate as string), 0, 4) as bigint), 1_000_000n).toString(), usd: formatUsdCents(size), exchangeRate: rate } : { vnd: size.toString() };
    const type = delta > 0n ? 'IncreaseCapital' : 'DecreaseCapital';
    const reason = `Chứng nhận thay đổi lần thứ ${version.adjustmentNo ?? ''}`.trim();
    return { row: version.row, dateField: 'adjustedOn', moneyField: now.field, act: { type, projectCode: version.code as string, data: { amount, effectiveOn: version.adjustedOn as string, reason } } };
  }

  private changes(previous: RegisterRow, version: RegisterRow): CertificateChanges | undefined {
    const changes: CertificateChanges = {};
    if (version.projectName && version.projectName !== previous.projectName) changes.projectName = version.projectName;
    if ((version.investor && version.investor !== previous.investor) || (version.country && version.country !== previous.country)) {
      changes.investors = [{ name: version.investor ?? (previous.investor as string), country: version.country ?? previous.country ?? 'VN' }];
    }
    if (version.zoneId && version.zoneId !== (previous.zoneId ?? this.defaultZone)) changes.zoneId = version.zoneId;
    if (version.objectives && version.objectives !== previous.objectives) changes.objectives = version.objectives;
    if (version.landAreaM2 && version.landAreaM2 !== previous.landAreaM2) changes.landAreaM2 = version.landAreaM2;
    if (version.durationYears && version.durationYears !== previous.durationYears) changes.durationYears = version.durationYears;
    return Object.keys(changes).length > 0 ? changes : undefined;
  }
}
