import { addDays } from '@ledger/domain';
import type { ReferenceData } from '@ledger/reference-data';
import { Prng } from '../generate/prng';
import type { Cell, SheetSpec } from './workbook';

/** Column order of the generated version register (one row per certificate version). */
export const VERSION_HEADER = ['STT', 'Mã số dự án', 'Tên dự án', 'Nhà đầu tư', 'Quốc tịch', 'KCN', 'Lần điều chỉnh', 'Ngày cấp', 'Ngày điều chỉnh', 'Vốn đầu tư đăng ký', '', 'Tỷ giá', 'Tình trạng', 'Ngày chấm dứt'];
const UNITS_ROW = ['', '', '', '', '', '', '', '', '', '(USD)', '(tỷ đồng)', '', '', ''];
const COUNTRIES = ['Hàn Quốc', 'Nhật Bản', 'Trung Quốc', 'Đài Loan', 'Singapore', 'Hồng Kông', 'Hoa Kỳ', 'Thái Lan'];
const RATES: Record<number, number> = { 2010: 18620, 2011: 20650, 2012: 20830, 2013: 21040, 2014: 21190, 2015: 21890, 2016: 22370, 2017: 22720, 2018: 23030, 2019: 23230, 2020: 23210, 2021: 23080, 2022: 23600, 2023: 23900, 2024: 25050, 2025: 26050 };

export interface SampleRegisterOptions {
  boardId: string;
  projects: number;
  /** Stop after the project that brings the register to this many rows (benchmarks). */
  maxRows?: number;
  seed: number;
  /** First and last legal date of the history. */
  from: string;
  to: string;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
/** Vietnamese notation of a whole number of tenths: 3214.7 → "3.214,7". */
const viTenths = (tenths: number) => `${Math.floor(tenths / 10).toLocaleString('de-DE')},${tenths % 10}`;

/**
 * A plausible version register of one board, deterministic per seed: projects issued between `from` and
 * `to`, each with 0–3 adjustments (capital increases, one decrease now and then), a few terminated; FDI in
 * USD with the rate of the year, DDI in tỷ đồng written the Vietnamese way; a merged two-row header and a
 * totals row.
 */
export function sampleVersionRegister(reference: ReferenceData, options: SampleRegisterOptions): SheetSpec {
  const rng = new Prng(options.seed);
  const zones = reference.zonesOfBoard(options.boardId);
  const span = Math.round((Date.parse(options.to) - Date.parse(options.from)) / 86_400_000);
  const rows: Cell[][] = [[`DANH SÁCH DỰ ÁN ĐẦU TƯ - ${options.boardId}`], [], VERSION_HEADER, UNITS_ROW];
  let n = 0;
  const latest = { usd: 0, tenths: 0 };
  for (let p = 0; p < options.projects && n < (options.maxRows ?? Infinity); p++) {
    const code = String(2_000_000_000 + p * 7 + rng.int(0, 6));
    const fdi = rng.chance(0.6);
    const zone = zones[rng.int(0, zones.length - 1)];
    const issuedOn = addDays(options.from, rng.int(0, Math.floor(span * 0.8)));
    const terminatedOn = rng.chance(0.08) ? addDays(issuedOn, rng.int(200, 900)) : undefined;
    const end = terminatedOn && terminatedOn < options.to ? terminatedOn : options.to;
    let usd = rng.int(5, 800) * 10_000;
    let tenths = rng.int(50, 3000);
    const dates = [issuedOn];
    for (let v = rng.int(0, 3); v > 0; v--) {
      const next = addDays(dates[dates.length - 1], rng.int(30, 400));
      if (next >= end) break;
      dates.push(next);
    }
    dates.forEach((on, v) => {
      if (v > 0) {
        const decrease = rng.chance(0.15);
        if (fdi) usd = decrease ? usd - Math.floor(usd / 4 / 100) * 100 : usd + rng.int(1, 200) * 10_000;
        else tenths = decrease ? tenths - Math.floor(tenths / 4) : tenths + rng.int(10, 500);
      }
      const ended = v === dates.length - 1 && terminatedOn !== undefined && terminatedOn <= options.to;
      rows.push([
        ++n,
        code,
        `Dự án nhà máy ${code.slice(-4)}  `,
        fdi ? `Công ty TNHH ${code.slice(-4)} Vina` : `Công ty CP ${code.slice(-4)}`,
        fdi ? COUNTRIES[rng.int(0, COUNTRIES.length - 1)] : 'Việt Nam',
        zone.nameVi,
        v === 0 ? 'Cấp mới' : v,
        dmy(issuedOn),
        v === 0 ? null : dmy(on),
        fdi ? usd : null,
        fdi ? null : viTenths(tenths),
        fdi ? (RATES[Number(on.slice(0, 4))] ?? 23000) : null,
        ended ? 'Đã chấm dứt' : 'Đang hoạt động',
        ended ? dmy(terminatedOn as string) : null,
      ]);
    });
    if (fdi) latest.usd += usd;
    else latest.tenths += tenths;
  }
  // The totals row boards put under the register: each project's latest version, column by column.
  rows.push([null, null, 'Tổng cộng', null, null, null, null, null, null, latest.usd, viTenths(latest.tenths)]);
  return { name: 'Danh sách dự án', rows, merges: ['A1:N1', 'J3:K3', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N'].map((c) => `${c}3:${c}4`)] };
}
