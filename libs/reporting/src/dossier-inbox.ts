import type Database from 'better-sqlite3';
import type { DossierState, DossierStatus, LegalDate } from '@ledger/domain';

export const INBOX_STATUSES = ['OPEN', 'IN_PROCESS', 'AWAITING_SUPPLEMENT', 'RESOLVED', 'WITHDRAWN', 'TRANSFERRED'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export interface DossierInboxQuery {
  boardId?: string;
  /** OPEN (default): in process or awaiting a supplement. */
  status?: InboxStatus;
  today: LegalDate;
  /** Dossiers due on or before this day (and not overdue) are flagged due soon. */
  dueSoonBy: LegalDate;
  limit: number;
}

interface Row {
  dossier_id: string;
  status: DossierStatus;
  appointment_on: string | null;
  version: number;
  state: string;
}

function item(row: Row, today: LegalDate, dueSoonBy: LegalDate) {
  const state = JSON.parse(row.state) as DossierState;
  const running = row.status === 'IN_PROCESS' && row.appointment_on !== null;
  return {
    dossierId: row.dossier_id,
    boardId: state.boardId,
    procedureCode: state.procedure?.code,
    channel: state.channel,
    status: row.status,
    receivedAt: state.receivedAt,
    projectCode: state.projectCode ?? null,
    appointmentOn: row.appointment_on,
    statutoryDueOn: state.clock?.statutoryDueOn ?? null,
    delays: state.delays,
    outcome: state.outcome ?? null,
    closedAt: state.closedAt ?? null,
    overdue: running && today > (row.appointment_on as string),
    dueSoon: running && today <= (row.appointment_on as string) && (row.appointment_on as string) <= dueSoonBy,
    version: row.version,
  };
}

/** The board's dossiers, soonest due first (those awaiting documents have no due date and come last). */
export function dossierInbox(db: Database.Database, query: DossierInboxQuery) {
  const status = query.status ?? 'OPEN';
  const where = [status === 'OPEN' ? "status IN ('IN_PROCESS', 'AWAITING_SUPPLEMENT')" : 'status = @status', ...(query.boardId ? ['board_id = @boardId'] : [])];
  const rows = db
    .prepare(`SELECT dossier_id, status, appointment_on, version, state FROM dossiers WHERE ${where.join(' AND ')} ORDER BY appointment_on ASC NULLS LAST, received_on, dossier_id LIMIT @limit`)
    .all({ status, limit: query.limit, ...(query.boardId ? { boardId: query.boardId } : {}) }) as Row[];
  return { status, boardId: query.boardId ?? null, today: query.today, items: rows.map((r) => item(r, query.today, query.dueSoonBy)) };
}

/** One dossier with its steps, or undefined when the read model has none. */
export function dossierView(db: Database.Database, dossierId: string, today: LegalDate, dueSoonBy: LegalDate) {
  const row = db.prepare('SELECT dossier_id, status, appointment_on, version, state FROM dossiers WHERE dossier_id = ?').get(dossierId) as Row | undefined;
  if (!row) return undefined;
  const steps = db.prepare('SELECT version, type, data, recorded_at FROM dossier_events WHERE dossier_id = ? ORDER BY version').all(dossierId) as { version: number; type: string; data: string; recorded_at: string }[];
  const state = JSON.parse(row.state) as DossierState;
  return {
    ...item(row, today, dueSoonBy),
    procedure: state.procedure,
    steps: steps.map((s) => ({ version: s.version, type: s.type, recordedAt: s.recorded_at, data: JSON.parse(s.data) })),
  };
}
