import type { Provider } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserDirectory } from '@ledger/ledger';
import { type LedgerConfig } from '../config/ledger-config';
import { AccessService } from './access.service';
import { Hs256Verifier } from './hs256-verifier';
import { OidcVerifier } from './oidc/oidc-verifier';
import { SecurityEvents } from './security-events';
import { type TokenVerifier } from './token-verifier';
import { VerifiedTokens } from './verified-tokens';
import { LEDGER_CONFIG, SECURITY_EVENTS, TOKEN_VERIFIER, USER_DIRECTORY } from '../tokens';

/** The verifier by configuration: the OpenID Connect issuer when one is set (HS256 then refused), else development HS256. */
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: TOKEN_VERIFIER,
    inject: [LEDGER_CONFIG, JwtService],
    useFactory: (config: LedgerConfig, jwt: JwtService): TokenVerifier => new VerifiedTokens(config.oidc ? new OidcVerifier(config.oidc) : new Hs256Verifier(jwt)),
  },
  { provide: USER_DIRECTORY, useFactory: () => new UserDirectory() },
  { provide: SECURITY_EVENTS, useFactory: () => new SecurityEvents() },
  AccessService,
];
