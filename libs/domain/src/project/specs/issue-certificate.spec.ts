import { RuleCode } from '../../errors';
import { TODAY, ddiIssued, fdiIssued, issued } from '../../testing/fixtures';
import { given } from '../../testing/decider-spec';

describe('IssueCertificate', () => {
  it('given no history, when an FDI certificate is issued, then CertificateIssued', () => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: fdiIssued }).then([{ type: 'CertificateIssued', data: fdiIssued }]);
  });

  it('given no history, when a DDI certificate in VND is issued, then CertificateIssued', () => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: ddiIssued }).then([{ type: 'CertificateIssued', data: ddiIssued }]);
  });

  it('accepts a legacy 12-digit investment-certificate number and a licence number as project codes', () => {
    for (const projectCode of ['191043000012', '123/GP', '45/GP-KCN-BN']) {
      const data = { ...fdiIssued, projectCode };
      given().when({ type: 'IssueCertificate', today: TODAY, data }).then([{ type: 'CertificateIssued', data }]);
    }
  });

  it('given an issued certificate, when the same code is issued again, then PROJECT_ALREADY_ISSUED', () => {
    given(issued()).when({ type: 'IssueCertificate', today: TODAY, data: fdiIssued }).thenRejects(RuleCode.PROJECT_ALREADY_ISSUED);
  });

  it.each(['123456789', '12345678901', 'ABC1234567', '2101234567 ', ''])('rejects the malformed project code %p', (projectCode) => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: { ...fdiIssued, projectCode } }).thenRejects(RuleCode.PROJECT_CODE_INVALID);
  });

  it('rejects an FDI certificate without the USD equivalent', () => {
    const data = { ...fdiIssued, registeredCapital: { vnd: '1000', exchangeRate: '23500' } };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).thenRejects(RuleCode.USD_REQUIRED_FOR_FDI);
  });

  it('rejects an FDI certificate without the exchange rate used', () => {
    const data = { ...fdiIssued, registeredCapital: { vnd: '235000000000', usd: '10000000.00' } };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).thenRejects(RuleCode.EXCHANGE_RATE_REQUIRED_FOR_FDI);
  });

  describe('VND, USD and the rate printed together agree within the printed rounding', () => {
    const withCapital = (vnd: string, usd: string, exchangeRate = '23500') => ({ ...fdiIssued, registeredCapital: { vnd, usd, exchangeRate } });
    it('accepts the DESIGN example: 20 bn VND ≈ 851,063 USD at 23,500 (the USD cut to whole dollars)', () => {
      const data = withCapital('20000000000', '851063.00');
      given().when({ type: 'IssueCertificate', today: TODAY, data }).then([{ type: 'CertificateIssued', data }]);
    });
    it('accepts the USD rounded up to the next dollar, and a rate with decimals', () => {
      for (const data of [withCapital('20000000000', '851064.00'), withCapital('25085500000', '1000000.00', '25085.5')]) {
        given().when({ type: 'IssueCertificate', today: TODAY, data }).then([{ type: 'CertificateIssued', data }]);
      }
    });
    it('rejects figures off by a factor of 100 (vnd 23.5 bn, usd 100 M, rate 23,500)', () => {
      given().when({ type: 'IssueCertificate', today: TODAY, data: withCapital('23500000000', '100000000.00') }).thenRejects(RuleCode.EXCHANGE_RATE_MISMATCH);
    });
    it('rejects a USD figure two dollars away from vnd / rate', () => {
      given().when({ type: 'IssueCertificate', today: TODAY, data: withCapital('20000000000', '851066.00') }).thenRejects(RuleCode.EXCHANGE_RATE_MISMATCH);
    });
  });

  it('rejects a date before the first Law on Foreign Investment (1899-12-31 is a spreadsheet’s day zero)', () => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: { ...fdiIssued, issuedOn: '1899-12-31' } }).thenRejects(RuleCode.DATE_TOO_EARLY);
  });

  it('rejects a DDI certificate that states USD', () => {
    const data = { ...ddiIssued, registeredCapital: { vnd: '1000', usd: '1.00' } };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).thenRejects(RuleCode.USD_NOT_ALLOWED_FOR_DDI);
  });

  it('rejects zero registered capital', () => {
    const data = { ...ddiIssued, registeredCapital: { vnd: '0' } };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).thenRejects(RuleCode.AMOUNT_NOT_POSITIVE);
  });

  it.each(['-5', '1.5', '1e9', '01', '12345678901234567890'])('rejects the amount %p', (vnd) => {
    const data = { ...ddiIssued, registeredCapital: { vnd } };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).thenRejects(RuleCode.AMOUNT_INVALID);
  });

  it('rejects a date that does not exist', () => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: { ...fdiIssued, issuedOn: '2023-02-30' } }).thenRejects(RuleCode.DATE_INVALID);
  });

  it('rejects a future-dated issuance', () => {
    given().when({ type: 'IssueCertificate', today: TODAY, data: { ...fdiIssued, issuedOn: '2026-11-25' } }).thenRejects(RuleCode.FUTURE_DATED);
  });

  it('accepts an issuance dated today', () => {
    const data = { ...fdiIssued, issuedOn: TODAY };
    given().when({ type: 'IssueCertificate', today: TODAY, data }).then([{ type: 'CertificateIssued', data }]);
  });
});
