import type { ProjectCommand } from '../commands';
import type { CertificateIssuedData, ProjectEvent } from '../events';

export const TODAY = '2026-11-24';

export const fdiIssued: CertificateIssuedData = {
  projectCode: '2101234567',
  boardId: 'BQL-BG',
  zoneId: 'KCN-QUANG-CHAU',
  projectName: 'Nhà máy linh kiện điện tử ABC',
  investors: [{ name: 'ABC Electronics Co., Ltd.', country: 'KR' }],
  origin: 'FDI',
  registeredCapital: { vnd: '235000000000', usd: '10000000.00', exchangeRate: '23500' },
  landAreaM2: '50000',
  objectives: 'Sản xuất linh kiện điện tử',
  durationYears: 50,
  issuedOn: '2016-03-15',
};

export const ddiIssued: CertificateIssuedData = {
  ...fdiIssued,
  projectCode: '2102345678',
  projectName: 'Nhà máy bao bì Việt',
  investors: [{ name: 'Công ty CP Bao bì Việt', country: 'VN' }],
  origin: 'DDI',
  registeredCapital: { vnd: '50000000000' },
};

export const issued = (data: Partial<CertificateIssuedData> = {}): ProjectEvent => ({ type: 'CertificateIssued', data: { ...fdiIssued, ...data } });

export const increase = (amount: { vnd: string; usd?: string }, effectiveOn = '2016-06-01'): ProjectCommand => ({
  type: 'IncreaseCapital',
  today: TODAY,
  data: { amount, effectiveOn, reason: 'Mở rộng sản xuất' },
});

export const decrease = (amount: { vnd: string; usd?: string }, effectiveOn = '2016-07-01'): ProjectCommand => ({
  type: 'DecreaseCapital',
  today: TODAY,
  data: { amount, effectiveOn, reason: 'Thu hẹp quy mô' },
});
