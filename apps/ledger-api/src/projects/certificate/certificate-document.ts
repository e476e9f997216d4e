import { applyCorrections, effectiveDateOf, projectAsOf, type LegalDate, type ProjectEvent } from '@ledger/domain';
import { formatCents, formatWhole, usdInWords, vndInWords } from '@ledger/labels';
import type { ReferenceData } from '@ledger/reference-data';
import countries from 'i18n-iso-countries';
import vi from 'i18n-iso-countries/langs/vi.json';

countries.registerLocale(vi);

/** What the Giấy chứng nhận đăng ký đầu tư prints (Circular 03/2021/TT-BKHĐT forms A.II.1 and A.II.2), as text. */
export interface CertificateDocument {
  issuingBoard: string;
  projectCode: string;
  firstIssuedOn: string;
  /** "Chứng nhận thay đổi lần thứ N: ngày …", when adjusted by `asOf`. */
  latestChange?: { number: number; on: string };
  investors: { name: string; country: string }[];
  articles: { heading: string; value: string }[];
  asOf: LegalDate;
}

const ADJUSTMENTS = new Set(['CapitalIncreased', 'CapitalDecreased', 'CertificateAdjusted']);

/** The certificate as in force on `asOf`, from the project's recorded history. */
export function certificateDocumentOf(history: readonly { event: ProjectEvent; recordedAt: string }[], asOf: LegalDate, reference: ReferenceData): CertificateDocument {
  const state = projectAsOf(history, { asOf });
  if (state.status === 'UNISSUED' || !state.boardId || !state.projectCode || !state.issuedOn) throw new Error('certificate of a project not issued by then');
  const effective = applyCorrections(history.map((h) => h.event)).filter((e) => effectiveDateOf(e) <= asOf);
  const latest = effective.filter((e) => ADJUSTMENTS.has(e.type)).sort((a, b) => (effectiveDateOf(a) < effectiveDateOf(b) ? -1 : 1)).pop();
  const holder = reference.board(reference.successorBoardOn(state.boardId, latest ? effectiveDateOf(latest) : state.issuedOn));
  const zone = state.zoneId ? reference.zone(state.zoneId) : undefined;
  const province = zone ? reference.provinceOfBoard(reference.successorBoardOn(zone.boardId, asOf)) : undefined;
  const capital = state.registeredCapital;
  const usd = capital.usdCents === undefined ? '' : `, tương đương ${formatCents(capital.usdCents)} USD (${usdInWords(capital.usdCents)})${state.exchangeRate ? ` theo tỷ giá ${formatWhole(BigInt(state.exchangeRate.split('.')[0]))}${state.exchangeRate.includes('.') ? `,${state.exchangeRate.split('.')[1]}` : ''} VND/USD` : ''}`;
  const articles = [
    { heading: '1. Tên dự án đầu tư', value: state.projectName ?? '' },
    { heading: '2. Mục tiêu và quy mô dự án', value: state.objectives ?? '' },
    { heading: '3. Địa điểm thực hiện dự án', value: zone ? `${zone.nameVi}${province ? `, ${province.nameVi}` : ''}` : (state.zoneId ?? '') },
    ...(state.landAreaM2 ? [{ heading: '4. Diện tích mặt đất sử dụng', value: `${formatArea(state.landAreaM2)} m²` }] : []),
    { heading: `${state.landAreaM2 ? 5 : 4}. Tổng vốn đầu tư của dự án`, value: `${formatWhole(capital.vnd)} đồng (Bằng chữ: ${vndInWords(capital.vnd)})${usd}` },
    { heading: `${state.landAreaM2 ? 6 : 5}. Thời hạn hoạt động của dự án`, value: `${state.durationYears ?? ''} năm kể từ ngày được cấp Giấy chứng nhận đăng ký đầu tư lần đầu` },
    ...(state.implementationSchedule ? [{ heading: `${state.landAreaM2 ? 7 : 6}. Tiến độ thực hiện dự án`, value: state.implementationSchedule }] : []),
  ];
  return {
    issuingBoard: holder?.nameVi ?? state.boardId,
    projectCode: state.projectCode,
    firstIssuedOn: state.issuedOn,
    ...(latest ? { latestChange: { number: state.adjustmentNo, on: effectiveDateOf(latest) } } : {}),
    investors: (state.investors ?? []).map((i) => ({ name: i.name, country: countries.getName(i.country, 'vi') ?? i.country })),
    articles,
    asOf,
  };
}

function formatArea(m2: string): string {
  const [whole, fraction] = m2.split('.');
  return `${formatWhole(BigInt(whole))}${fraction ? `,${fraction}` : ''}`;
}

