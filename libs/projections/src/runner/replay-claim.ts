import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * A replay from position 0 (a rebuild, a new replica's replay stream by stream) resets read models and
 * moves their checkpoints only at its end, so the checkpoints no longer tell another runner on the same
 * file what is applied: its batches would apply events again into the replay's tables, and its own
 * replay would reset them half-way (a `ledger-cli rebuild` beside a running API left 5,000 facts out,
 * and said it had rebuilt them). The runner that replays claims the file for it; the others write nothing
 * while the claim is live.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS projection_replay (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL, what TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL, renewed_at TEXT NOT NULL
)`;

/** A runner, as a claim names it: its own token, and the process it runs in. */
export interface ClaimOwner {
  token: string;
  pid: number;
  host: string;
}

export interface ReplayClaim extends ClaimOwner {
  what: string;
  since: string;
  renewedAt: string;
}

/**
 * How long a claim stands without being renewed: a replay renews it at every page and before its end
 * (the sums and index builds: 7 s at 1M events). On this host it stands only while its process lives.
 */
export const CLAIM_EXPIRY_MS = 10 * 60_000;

/** A replay whose claim another runner took over (it had expired: the replay was stopped for longer): it stops, writing nothing more. */
export class ReplayClaimLostError extends Error {
  constructor() {
    super(`this replay's claim on the read models expired (not renewed for ${CLAIM_EXPIRY_MS / 60_000} minutes) and another runner has taken them over: it stops here`);
    this.name = new.target.name;
  }
}

export class ReplayUnderWayError extends Error {
  constructor(readonly claim: ReplayClaim) {
    super(
      `the read models are being replayed from position 0 by ${claim.what} (process ${claim.pid} on ${claim.host}, since ${claim.since}): ` +
        'nothing is written to them meanwhile; projecting goes on when it ends',
    );
    this.name = new.target.name;
  }
}

export function setUpReplayClaims(db: Database.Database): void {
  db.exec(SCHEMA);
}

const processLives = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
};

/**
 * A claim stands while it is renewed and, on this host, its process lives: one left by a killed replay
 * is over at once, and one whose process id was given to another process since is over once it expires.
 */
export function claimStands(claim: ReplayClaim, now = Date.now()): boolean {
  return now - Date.parse(claim.renewedAt) < CLAIM_EXPIRY_MS && (claim.host !== hostname() || processLives(claim.pid));
}

/** The standing claim of another runner, if any. Call inside a write transaction, so that it still holds for what follows. */
export function othersClaim(db: Database.Database, owner: ClaimOwner): ReplayClaim | undefined {
  const row = statement(db, 'SELECT token, what, pid, host, since, renewed_at AS renewedAt FROM projection_replay WHERE token != ?').get(owner.token) as ReplayClaim | undefined;
  return row && claimStands(row) ? row : undefined;
}

/** Refuses (ReplayUnderWayError) while another runner's claim stands. Inside a write transaction. */
export function refuseDuringOthersReplay(db: Database.Database, owner: ClaimOwner): void {
  const claim = othersClaim(db, owner);
  if (claim) throw new ReplayUnderWayError(claim);
}

/**
 * Claims the file for a replay, inside the write transaction that resets the read models: refused while
 * another's claim stands; one left by a process that died is taken over. False when @owner held it already.
 */
export function claimReplay(db: Database.Database, owner: ClaimOwner, what: string): boolean {
  refuseDuringOthersReplay(db, owner);
  if (statement(db, 'SELECT 1 FROM projection_replay WHERE token = ?').get(owner.token)) return false;
  const now = new Date().toISOString();
  statement(db, 'INSERT OR REPLACE INTO projection_replay (id, token, what, pid, host, since, renewed_at) VALUES (1, ?, ?, ?, ?, ?, ?)').run(owner.token, what, owner.pid, owner.host, now, now);
  return true;
}

/** Inside each of the replay's write transactions; ReplayClaimLostError (rolling it back) once the claim is another's. */
export function renewReplayClaim(db: Database.Database, owner: ClaimOwner): void {
  if (statement(db, 'UPDATE projection_replay SET renewed_at = ? WHERE token = ?').run(new Date().toISOString(), owner.token).changes === 0) throw new ReplayClaimLostError();
}

export function releaseReplayClaim(db: Database.Database, owner: ClaimOwner): void {
  statement(db, 'DELETE FROM projection_replay WHERE token = ?').run(owner.token);
}

/** The runner in this process. */
export const ownerHere = (token: string): ClaimOwner => ({ token, pid: process.pid, host: hostname() });
