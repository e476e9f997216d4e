import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDossierConfig } from './dossier-config';

const CONFIG = resolve(__dirname, '../../../config');

describe('dossier configuration (config/procedures.json, config/holidays/<year>.json)', () => {
  it('loads the catalogue and every year of the calendar from 2016 through 2026', () => {
    const config = loadDossierConfig(CONFIG, 2026);
    expect(config.calendar.yearsHeld).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(config.procedures.get('ISSUE_IRC')).toMatchObject({ statutoryDays: 15, unit: 'calendar' });
    expect(config.procedures.get('ADJUST_IRC')).toMatchObject({ statutoryDays: 10, unit: 'working' });
    expect(config.officeClosesAt).toBe('17:00');
  });

  it('pins 2016 and 2026: Tết Bính Thân Mon 08–Fri 12/02/2016; make-up Saturdays 10/01 and 22/08/2026', () => {
    const { calendar } = loadDossierConfig(CONFIG, 2026);
    expect(['2016-02-05', '2016-02-08', '2016-02-12', '2016-02-15'].map((d) => calendar.isWorkingDay(d))).toEqual([true, false, false, true]);
    expect(['2026-01-02', '2026-01-10', '2026-08-22', '2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03'].map((d) => calendar.isWorkingDay(d))).toEqual([false, true, true, false, false, false, true]);
  });

  describe('stops start-up with one line naming the problem', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'dossier-config-'));
      cpSync(CONFIG, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('when a year up to the current one is missing', () => {
      rmSync(join(dir, 'holidays', '2021.json'));
      expect(() => loadDossierConfig(dir, 2026)).toThrow(`${dir}/holidays/2021.json is missing: the holiday calendar must hold every year from 2016 through 2026`);
    });

    it('when the current year has no calendar yet', () => {
      expect(() => loadDossierConfig(dir, 2027)).toThrow('holidays/2027.json is missing');
    });

    it('when a procedure promises more than the law allows', () => {
      writeFileSync(
        join(dir, 'procedures.json'),
        JSON.stringify({ officeClosesAt: '17:00', procedures: [{ code: 'ADJUST_IRC', nameVi: 'x', nameEn: 'x', basis: 'x', statutoryDays: 10, unit: 'working', committedDays: 12, actTypes: ['CertificateAdjusted'] }] }),
      );
      expect(() => loadDossierConfig(dir, 2026)).toThrow('procedures[0]: ADJUST_IRC: committedDays must be a positive integer not above statutoryDays');
    });

    it('when a file names another year than its own', () => {
      writeFileSync(join(dir, 'holidays', '2020.json'), JSON.stringify({ year: 2019, daysOff: [], workingWeekends: [], sources: ['x'] }));
      expect(() => loadDossierConfig(dir, 2026)).toThrow('holidays/2020.json: holds year 2019');
    });
  });
});
