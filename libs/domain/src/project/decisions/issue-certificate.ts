import type { CommandOf } from '../../commands';
import { RuleCode, rule } from '../../errors';
import type { ProjectEvent } from '../../events';
import { projectCode } from '../../project-code';
import { requireActDate, requireAmount } from '../guards';
import type { ProjectState } from '../state';

export function issueCertificate(command: CommandOf<'IssueCertificate'>, state: ProjectState): ProjectEvent[] {
  const { data } = command;
  projectCode(data.projectCode);
  rule(state.status === 'UNISSUED', RuleCode.PROJECT_ALREADY_ISSUED, `a certificate with project code ${data.projectCode} was already issued`, { projectCode: data.projectCode });
  requireActDate(data.issuedOn, 'issuedOn', command.today);
  requireAmount(data.registeredCapital, data.origin, 'registeredCapital');
  if (data.origin === 'FDI') {
    rule(data.registeredCapital.exchangeRate !== undefined, RuleCode.EXCHANGE_RATE_REQUIRED_FOR_FDI, 'registeredCapital.exchangeRate (VND per USD, as printed) is required for an FDI certificate');
  }
  return [{ type: 'CertificateIssued', data }];
}
