import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleCode, RuleViolation, moneyToJson, projectAsOf, streamIdOf, type BitemporalQuery, type ProjectState } from '@ledger/domain';
import { toPlainRecorded, type EventStore, type RecordedEvent } from '@ledger/event-store';
import { canonicalInstant } from '@ledger/projections';
import { toProjectEvent } from '@ledger/ledger';
import { GetCertificatePdfHandler } from '../certificate/certificate.query';
import { EVENT_STORE } from '../../tokens';

export class GetProjectQuery {
  constructor(
    readonly projectCode: string,
    readonly when: BitemporalQuery,
  ) {}
}

/** A page of a project's history: the events after stream version `after`, at most `limit`. */
export interface EventsPage {
  after: number;
  limit: number;
}

export class GetProjectEventsQuery {
  constructor(
    readonly projectCode: string,
    /** Without a page, the whole history (the corrections endpoint needs the event it corrects). */
    readonly page?: EventsPage,
  ) {}
}

export interface ProjectView extends Omit<ProjectState, 'registeredCapital' | 'realizedCapital' | 'history'> {
  registeredCapital: { vnd: string; usd?: string; exchangeRate?: string };
  realizedCapital: { vnd: string; usd?: string };
  version: number;
  asOf?: string;
  knownAt?: string;
}

async function loadHistory(store: EventStore, projectCode: string): Promise<RecordedEvent[]> {
  const history = await store.readStream(streamIdOf(projectCode));
  if (history.length === 0) throw new RuleViolation(RuleCode.PROJECT_NOT_FOUND, `no certificate has been issued with project code ${projectCode}`);
  return history;
}

/** The certificate as in force on a legal date, as known at a system time (both optional). */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, ProjectView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectCode, when: asked }: GetProjectQuery): Promise<ProjectView> {
    const history = await loadHistory(this.store, projectCode);
    // The same instant as the reports read for this knownAt, whatever offset it was written in.
    const when: BitemporalQuery = asked.knownAt === undefined ? asked : { ...asked, knownAt: canonicalInstant(asked.knownAt) };
    const visible = when.knownAt === undefined ? history : history.filter((e) => canonicalInstant(e.recordedAt) <= (when.knownAt as string));
    const state = projectAsOf(visible.map((e) => ({ event: toProjectEvent(e), recordedAt: e.recordedAt })), when);
    if (state.status === 'UNISSUED') {
      throw new RuleViolation(RuleCode.PROJECT_NOT_FOUND, `project ${projectCode} had not been issued as of ${when.asOf ?? 'now'}${when.knownAt ? ` as known at ${when.knownAt}` : ''}`);
    }
    return { ...projectViewOf(state, visible.length), ...when };
  }
}

/** The certificate's content as the API shows it: money as exact decimal strings. */
export function projectViewOf(state: ProjectState, version: number): ProjectView {
  const { registeredCapital, realizedCapital, exchangeRate, history: _history, ...rest } = state;
  return {
    ...rest,
    registeredCapital: { ...moneyToJson(registeredCapital), ...(exchangeRate ? { exchangeRate } : {}) },
    realizedCapital: moneyToJson(realizedCapital),
    version,
  };
}

/** The full history of a project, with who recorded what, when and under which decision. */
@QueryHandler(GetProjectEventsQuery)
export class GetProjectEventsHandler implements IQueryHandler<GetProjectEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectCode, page }: GetProjectEventsQuery) {
    const history = await loadHistory(this.store, projectCode);
    const correctedBy = new Map<number, number[]>();
    for (const c of history) {
      if (c.type !== 'EventCorrected') continue;
      const target = (c.data as { correctsVersion: number }).correctsVersion;
      correctedBy.set(target, [...(correctedBy.get(target) ?? []), Number(c.streamVersion)]);
    }
    const shown = page ? history.slice(page.after, page.after + page.limit) : history;
    const last = shown[shown.length - 1];
    return {
      projectCode,
      version: history.length,
      events: shown.map((e) => ({ ...toPlainRecorded(e), correctedBy: correctedBy.get(Number(e.streamVersion)) ?? [] })),
      ...(page ? { next: last && Number(last.streamVersion) < history.length ? `?after=${last.streamVersion}&limit=${page.limit}` : null } : {}),
    };
  }
}

export const PROJECT_QUERY_HANDLERS = [GetProjectHandler, GetProjectEventsHandler, GetCertificatePdfHandler];
