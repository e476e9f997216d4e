import { moneyToJson } from '../../money';
import { issued } from '../../testing/fixtures';
import { projectAsOf } from '../as-of';
import { foldProject } from '../state';
import { foldForSearch } from '../../search-text';

const at = (recordedAt: string) => (event: Parameters<typeof foldProject>[0] extends Iterable<infer E> ? E : never) => ({ event, recordedAt });

describe('project state', () => {
  const history = [
    at('2016-03-15T03:00:00Z')(issued()),
    at('2016-06-01T03:00:00Z')({ type: 'CapitalIncreased', data: { adjustmentNo: 1, amount: { vnd: '23500000000', usd: '1000000.00' }, effectiveOn: '2016-06-01', reason: 'r' } }),
    // Recorded in 2017 but effective in 2016: a back-dated decrease.
    at('2017-02-01T03:00:00Z')({ type: 'CapitalDecreased', data: { adjustmentNo: 2, amount: { vnd: '3500000000', usd: '150000.00' }, effectiveOn: '2016-09-01', reason: 'r' } }),
    at('2017-03-01T03:00:00Z')({ type: 'CertificateAdjusted', data: { adjustmentNo: 3, changes: { projectName: 'Tên mới' }, effectiveOn: '2017-03-01', reason: 'r' } }),
  ];

  it('folds registered capital as issuance + increases − decreases', () => {
    const state = foldProject(history.map((h) => h.event));
    expect(moneyToJson(state.registeredCapital)).toEqual({ vnd: '255000000000', usd: '10850000.00' });
    expect(state.adjustmentNo).toBe(3);
    expect(state.projectName).toBe('Tên mới');
  });

  it('as of a legal date applies only acts effective by then', () => {
    const state = projectAsOf(history, { asOf: '2016-12-31' });
    expect(moneyToJson(state.registeredCapital)).toEqual({ vnd: '255000000000', usd: '10850000.00' });
    expect(state.projectName).toBe('Nhà máy linh kiện điện tử ABC');
    expect(state.adjustmentNo).toBe(2);
  });

  it('known at a system time ignores acts recorded later, even back-dated ones', () => {
    const state = projectAsOf(history, { asOf: '2016-12-31', knownAt: '2016-12-31T23:59:59Z' });
    expect(moneyToJson(state.registeredCapital)).toEqual({ vnd: '258500000000', usd: '11000000.00' });
    expect(state.adjustmentNo).toBe(1);
  });

  it('before issuance the project does not exist', () => {
    expect(projectAsOf(history, { asOf: '2016-03-14' }).status).toBe('UNISSUED');
  });
});

describe('foldForSearch', () => {
  it('drops diacritics, case and đ so an unaccented query finds the accented name', () => {
    expect(foldForSearch('Công ty TNHH Sao Việt  Điện tử')).toBe('cong ty tnhh sao viet dien tu');
    expect(foldForSearch('Sản xuất bo mạch')).toContain('bo mach');
  });
});
