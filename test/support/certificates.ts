/** Request bodies for end-to-end tests, as an officer would send them. */
export const fdiCertificate = (projectCode = '2101234567', overrides: Record<string, unknown> = {}) => ({
  projectCode,
  boardId: 'BQL-HN',
  zoneId: 'KCN-THANG-LONG',
  projectName: 'Nhà máy linh kiện điện tử ABC',
  investors: [{ name: 'ABC Electronics Co., Ltd.', country: 'KR' }],
  origin: 'FDI',
  registeredCapital: { vnd: '235000000000', usd: '10000000.00', exchangeRate: '23500' },
  landAreaM2: '50000',
  objectives: 'Sản xuất linh kiện điện tử',
  durationYears: 50,
  issuedOn: '2016-03-15',
  ...overrides,
});

export const capitalChange = (vnd: string, usd: string | undefined, effectiveOn: string, reason = 'Điều chỉnh vốn') => ({
  amount: usd === undefined ? { vnd } : { vnd, usd },
  effectiveOn,
  reason,
});
