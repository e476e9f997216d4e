import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What /workspace/config.json says: the deployment's issuer and public client, or nothing (development token paste). */
export interface SignInConfig {
  issuer?: string;
  clientId?: string;
}

export async function loadSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/workspace/config.json');
  return response.ok ? ((await response.json()) as SignInConfig) : {};
}

/**
 * The authorization-code flow with PKCE (oidc-client-ts). Tokens and the flow's state live in
 * sessionStorage — this origin and tab only, gone when it closes; never localStorage, never a URL (the
 * code and state the issuer sends back are removed from the address bar at once). The access token is
 * renewed before it expires with the refresh token (or a silent request when the issuer gives none).
 */
export function userManagerOf(config: Required<SignInConfig>, path = '/workspace'): UserManager {
  // The page's own address is the redirect URI registered at the issuer (…/workspace, …/dashboard).
  const home = `${location.origin}${path}`;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
  });
}

/** Finishes a sign-in when the issuer has just redirected back here; answers the signed-in user's access token. */
export async function completeSignIn(manager: UserManager): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    try {
      await manager.signinRedirectCallback();
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.hash || '#/'}`);
    }
  }
  const user = await manager.getUser();
  return user && !user.expired ? user.access_token : undefined;
}
