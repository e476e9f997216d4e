import type { Labelled, Lang } from './lang';

/** Names of request and certificate fields as officers know them (Vietnamese forms, Circular 03/2021). */
export const FIELD_LABELS: Record<string, Labelled> = {
  projectCode: { vi: 'Mã số dự án', en: 'Project code' },
  boardId: { vi: 'Ban Quản lý', en: 'Management board' },
  zoneId: { vi: 'Khu công nghiệp / khu kinh tế', en: 'Zone' },
  projectName: { vi: 'Tên dự án', en: 'Project name' },
  investors: { vi: 'Nhà đầu tư', en: 'Investors' },
  name: { vi: 'Tên nhà đầu tư', en: 'Investor name' },
  country: { vi: 'Quốc tịch', en: 'Country' },
  origin: { vi: 'Loại dự án (FDI/DDI)', en: 'Origin (FDI/DDI)' },
  registeredCapital: { vi: 'Vốn đầu tư đăng ký', en: 'Registered capital' },
  amount: { vi: 'Số vốn', en: 'Amount' },
  vnd: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
  usd: { vi: 'Tương đương (USD)', en: 'Equivalent (USD)' },
  exchangeRate: { vi: 'Tỷ giá (VND/USD)', en: 'Exchange rate (VND/USD)' },
  registeredCapitalUsd: { vi: 'Vốn đăng ký quy đổi (USD)', en: 'Registered capital in USD' },
  landAreaM2: { vi: 'Diện tích đất (m²)', en: 'Land area (m²)' },
  objectives: { vi: 'Mục tiêu và quy mô dự án', en: 'Objectives and scale' },
  durationYears: { vi: 'Thời hạn hoạt động (năm)', en: 'Duration (years)' },
  implementationSchedule: { vi: 'Tiến độ thực hiện', en: 'Implementation schedule' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  effectiveOn: { vi: 'Ngày hiệu lực', en: 'Effective on' },
  reason: { vi: 'Lý do', en: 'Reason' },
  decisionRef: { vi: 'Số quyết định / văn bản', en: 'Decision reference' },
  noticeRef: { vi: 'Số thông báo / báo cáo của nhà đầu tư', en: 'Investor’s notice reference' },
  operatingSince: { vi: 'Ngày đi vào hoạt động', en: 'Operating since' },
  changes: { vi: 'Nội dung điều chỉnh', en: 'Changes' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  reportedOn: { vi: 'Ngày báo cáo', en: 'Reported on' },
  ground: { vi: 'Căn cứ', en: 'Ground' },
  correctsVersion: { vi: 'Lần ghi nhận được đính chính', en: 'Act corrected (version)' },
  correctedData: { vi: 'Nội dung đính chính', en: 'Corrected values' },
  revoked: { vi: 'Hủy bỏ ghi nhận', en: 'Revoked' },
};

/** `registeredCapital.exchangeRate` → "Vốn đầu tư đăng ký — Tỷ giá (VND/USD)"; `investors.0.name` → "Nhà đầu tư 1 — Tên nhà đầu tư". */
export function fieldLabel(path: string, lang: Lang): string {
  return path
    .split('.')
    .reduce<string[]>((parts, key) => {
      if (/^\d+$/.test(key) && parts.length > 0) parts[parts.length - 1] += ` ${Number(key) + 1}`;
      else parts.push(FIELD_LABELS[key]?.[lang] ?? key);
      return parts;
    }, [])
    .join(' — ');
}
