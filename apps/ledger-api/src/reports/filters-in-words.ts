import type { Lang } from '@ledger/labels';
import type { ReferenceData } from '@ledger/reference-data';
import type { ReportFilters } from '@ledger/reporting';

/** What a report's filters and grouping dimensions are called, in the narrative's Word document and the exports' headers. */
export const FILTER_LABELS = {
  regionId: { vi: 'Vùng', en: 'Region' },
  provinceId: { vi: 'Tỉnh, thành phố', en: 'Province' },
  boardId: { vi: 'Ban Quản lý', en: 'Management board' },
  zoneId: { vi: 'KCN, KCX, KKT', en: 'Zone' },
  origin: { vi: 'Nguồn vốn', en: 'Origin' },
} as const;

/** The filters of a report as a reader names them: "Ban Quản lý: Ban Quản lý các KCN tỉnh Bắc Giang; Nguồn vốn: FDI". */
export function filtersInWords(filters: ReportFilters, ref: ReferenceData, lang: Lang): string {
  const name = (u: { name: string; nameVi: string } | undefined, id: string) => (u ? (lang === 'vi' ? u.nameVi : u.name) : id);
  const parts: string[] = [];
  if (filters.regionId) parts.push(`${FILTER_LABELS.regionId[lang]}: ${name(ref.region(filters.regionId), filters.regionId)}`);
  if (filters.provinceId) parts.push(`${FILTER_LABELS.provinceId[lang]}: ${name(ref.province(filters.provinceId), filters.provinceId)}`);
  if (filters.boardId) parts.push(`${FILTER_LABELS.boardId[lang]}: ${name(ref.board(filters.boardId), filters.boardId)}`);
  if (filters.zoneId) parts.push(`${FILTER_LABELS.zoneId[lang]}: ${name(ref.zone(filters.zoneId), filters.zoneId)}`);
  if (filters.origin) parts.push(`${FILTER_LABELS.origin[lang]}: ${filters.origin}`);
  return parts.join('; ');
}
