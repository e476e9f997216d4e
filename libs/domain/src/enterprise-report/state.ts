import type { EnterpriseReportEvent, EnterpriseReportState } from './types';

export const initialEnterpriseReportState: EnterpriseReportState = { filings: [] };

export function evolveEnterpriseReport(state: EnterpriseReportState, event: EnterpriseReportEvent): EnterpriseReportState {
  return event.type === 'EnterpriseReportFiled' ? { filings: [...state.filings, event.data] } : state;
}

/** One stream per project and period: its versions are the filings of that report, so a refiling is decided on them alone. */
export const enterpriseReportStreamOf = (projectCode: string, period: string) => `enterprise-report-${projectCode}-${period}`;
