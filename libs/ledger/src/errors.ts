/** Why an actor may not record an act; the HTTP edge answers 403 with the code. */
export const AuthorityCode = {
  OUTSIDE_JURISDICTION: 'OUTSIDE_JURISDICTION',
  BOARD_DISSOLVED: 'BOARD_DISSOLVED',
  ACTOR_BOARD_UNKNOWN: 'ACTOR_BOARD_UNKNOWN',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  // The signed-in person has no right today (libs/ledger/src/users/access.ts).
  USER_UNKNOWN: 'USER_UNKNOWN',
  USER_REVOKED: 'USER_REVOKED',
  USER_NOT_IN_FORCE: 'USER_NOT_IN_FORCE',
  USER_BOARD_ENDED: 'USER_BOARD_ENDED',
  USER_BOARD_NOT_STARTED: 'USER_BOARD_NOT_STARTED',
} as const;
export type AuthorityCode = (typeof AuthorityCode)[keyof typeof AuthorityCode];

export class AuthorityError extends Error {
  constructor(
    readonly code: AuthorityCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthorityError';
  }
}
