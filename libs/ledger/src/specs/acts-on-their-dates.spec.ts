import { fdiIssued } from '../../../domain/src/testing/fixtures';
import { given, officerOf } from '../testing/write-path';

/** Issue 14: zone and board are checked on the act's own legal date, not on today's. */
describe('reference data on the act’s date', () => {
  const issue = (data: Partial<typeof fdiIssued>) => ({ type: 'IssueCertificate' as const, projectCode: '2101234567', data: { ...fdiIssued, ...data } });

  it('refuses a zone held by another board on the issuance date, although both boards merged later', () =>
    given()
      .when(issue({ boardId: 'BQL-HB', zoneId: 'KCN-KHAI-QUANG', issuedOn: '2024-01-01' }), officerOf('BQL-PT-2025'))
      .thenRejects('ZONE_NOT_IN_BOARD', ['KCN-KHAI-QUANG', 'BQL-VP', 'BQL-HB', '2024-01-01']));

  it('names the act’s date, not today, when a 2016 zone belongs to another board', () =>
    given()
      .when(issue({ boardId: 'BQL-BG', zoneId: 'KCN-QUE-VO', issuedOn: '2016-03-15' }), officerOf('BQL-BN-2025'))
      .thenRejects('ZONE_NOT_IN_BOARD', ['2016-03-15', 'BQL-BN', 'not BQL-BG']));

  it('accepts a historical issuance by the predecessor board, recorded by the successor’s officer', () =>
    given()
      .when(issue({ boardId: 'BQL-BG', zoneId: 'KCN-QUANG-CHAU', issuedOn: '2016-03-15' }), officerOf('BQL-BN-2025'))
      .then([{ type: 'CertificateIssued', data: { ...fdiIssued, boardId: 'BQL-BG', zoneId: 'KCN-QUANG-CHAU', issuedOn: '2016-03-15' } }]));

  it('refuses a board that did not exist yet on the issuance date, naming its interval', async () => {
    await given()
      .when(issue({ boardId: 'BQL-PT-2025', zoneId: 'KCN-KHAI-QUANG', issuedOn: '2024-01-01' }), officerOf('BQL-PT-2025'))
      .thenRejects('BOARD_NOT_IN_FORCE', ['BQL-PT-2025', '2025-07-01', '2024-01-01']);
    await given()
      .when(issue({ boardId: 'BQL-BN-2025', zoneId: 'KCN-QUE-VO', issuedOn: '2016-05-01' }), officerOf('BQL-BN-2025'))
      .thenRejects('BOARD_NOT_IN_FORCE', ['BQL-BN-2025']);
  });

  it('calls a mistyped board unknown (a 422 rule), not a jurisdiction problem', () =>
    given().when(issue({ boardId: 'BQL-HANOI', zoneId: 'KCN-THANG-LONG' }), officerOf('BQL-HN')).thenRejects('BOARD_UNKNOWN', ['BQL-HANOI']));

  it('checks a change of zone on the adjustment’s date', () =>
    given([issue({ boardId: 'BQL-HB', zoneId: 'KCN-LUONG-SON', issuedOn: '2016-03-15' }), officerOf('BQL-PT-2025')])
      .when({ type: 'AdjustCertificate', projectCode: '2101234567', data: { changes: { zoneId: 'KCN-KHAI-QUANG' }, effectiveOn: '2024-05-01', reason: 'Chuyển địa điểm' } }, officerOf('BQL-PT-2025'))
      .thenRejects('ZONE_NOT_IN_BOARD', ['2024-05-01']));
});
