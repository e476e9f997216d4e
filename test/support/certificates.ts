import { fdiIssued } from '../../libs/domain/src/testing/fixtures';

/** Request bodies for end-to-end tests, as an officer of the Hà Nội board would send them. */
export const fdiCertificate = (projectCode = '2101234567', overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...fdiIssued,
  projectCode,
  boardId: 'BQL-HN',
  zoneId: 'KCN-THANG-LONG',
  ...overrides,
});

export const capitalChange = (vnd: string, usd: string | undefined, effectiveOn: string, reason = 'Điều chỉnh vốn') => ({
  amount: usd === undefined ? { vnd } : { vnd, usd },
  effectiveOn,
  reason,
});

/** A domestic (DDI) certificate of any board and zone: VND only. */
export const ddiCertificate = (projectCode: string, boardId: string, zoneId: string, issuedOn: string) => ({
  projectCode,
  boardId,
  zoneId,
  projectName: `Dự án ${projectCode}`,
  investors: [{ name: 'Công ty CP Việt', country: 'VN' }],
  origin: 'DDI',
  registeredCapital: { vnd: '100000000000' },
  objectives: 'Sản xuất',
  durationYears: 50,
  issuedOn,
});
