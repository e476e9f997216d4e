import { fdiIssued } from '../../../domain/src/testing/fixtures';
import { given, officerOf } from '../testing/write-path';

/** Issues 13 and 14: a corrected history passes every rule an act would; a correction states only what changes. */
describe('corrections through the write path', () => {
  const officer = officerOf('BQL-HN');
  const issued = { ...fdiIssued, boardId: 'BQL-HN', zoneId: 'KCN-THANG-LONG' };
  const issue = [{ type: 'IssueCertificate' as const, projectCode: fdiIssued.projectCode, data: issued }, officer] as const;
  const correct = (correctedData: Record<string, unknown>) => ({ type: 'CorrectEvent' as const, projectCode: fdiIssued.projectCode, data: { correctsVersion: 1, correctedData, reason: 'Nhập sai' } });

  it('refuses moving the project into another board’s zone', () =>
    given([...issue]).when(correct({ zoneId: 'KCN-QUANG-CHAU' }), officer).thenRejects('ZONE_NOT_IN_BOARD', ['KCN-QUANG-CHAU']));

  it('refuses a zone that does not exist', () => given([...issue]).when(correct({ zoneId: 'KCN-DOES-NOT-EXIST' }), officer).thenRejects('ZONE_UNKNOWN', ['KCN-DOES-NOT-EXIST']));

  it('takes only the changed fields and records the whole corrected act', () =>
    given([...issue])
      .when(correct({ registeredCapital: { vnd: '282000000000', usd: '12000000.00', exchangeRate: '23500' } }), officer)
      .then([
        {
          type: 'EventCorrected',
          data: {
            correctsVersion: 1,
            correctedType: 'CertificateIssued',
            correctedData: { ...issued, registeredCapital: { vnd: '282000000000', usd: '12000000.00', exchangeRate: '23500' } },
            reason: 'Nhập sai',
          },
        },
      ]));

  it('merges a second correction over the first one’s values', async () => {
    const [appended] = await given([...issue], [correct({ projectName: 'Tên đã sửa' }), officer]).when(correct({ durationYears: 40 }), officer).then([
      { type: 'EventCorrected', data: { correctsVersion: 1, correctedType: 'CertificateIssued', correctedData: { ...issued, projectName: 'Tên đã sửa', durationYears: 40 }, reason: 'Nhập sai' } },
    ]);
    expect(appended.streamVersion).toBe(3n);
  });
});
