import type { JwtService } from '@nestjs/jwt';
import type { Identity } from '@ledger/ledger';
import { verifyToken } from './tokens';
import { TokenRefused, type TokenVerifier } from './token-verifier';

/**
 * Tokens minted by `ledger-cli token` with LEDGER_JWT_SECRET, used only when no issuer is configured:
 * whoever holds the secret is the administrator, so the role and board they claim are trusted — unless
 * the user directory knows the subject, which then wins as it does for the issuer's tokens.
 */
export class Hs256Verifier implements TokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  async verify(token: string): Promise<Identity> {
    try {
      const actor = verifyToken(this.jwt, token);
      return { sub: actor.id, claimed: { role: actor.role, ...(actor.boardId ? { boardId: actor.boardId } : {}) } };
    } catch (error) {
      throw new TokenRefused('TOKEN_INVALID', (error as Error).message);
    }
  }
}
