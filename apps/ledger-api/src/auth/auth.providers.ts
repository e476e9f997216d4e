import type { Provider } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserDirectory } from '@ledger/ledger';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';
import { AccessService, USER_DIRECTORY } from './access.service';
import { Hs256Verifier } from './hs256-verifier';
import { OidcVerifier } from './oidc/oidc-verifier';
import { SECURITY_EVENTS, SecurityEvents } from './security-events';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/** The verifier by configuration: the OpenID Connect issuer when one is set (HS256 then refused), else development HS256. */
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: TOKEN_VERIFIER,
    inject: [LEDGER_CONFIG, JwtService],
    useFactory: (config: LedgerConfig, jwt: JwtService): TokenVerifier => (config.oidc ? new OidcVerifier(config.oidc) : new Hs256Verifier(jwt)),
  },
  { provide: USER_DIRECTORY, useFactory: () => new UserDirectory() },
  { provide: SECURITY_EVENTS, useFactory: () => new SecurityEvents() },
  AccessService,
];
