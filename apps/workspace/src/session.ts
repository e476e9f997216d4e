import type { Lang } from '@ledger/labels';

/** Who is signed in, as the ledger sees them today (GET /api/v1/me: role and board from its user directory). */
export interface Identity {
  sub: string;
  role: string;
  boardId?: string;
  name?: string;
}

const TOKEN_KEY = 'ledger.workspace.token';
const LANG_KEY = 'ledger.workspace.lang';

/**
 * The token lives in sessionStorage (this origin, this tab, gone when it closes), never in a URL: a
 * `#token=` link from `npm start` is read once and removed from the address bar.
 */
export function takeToken(): string | undefined {
  const fromHash = /(?:^|[#&])token=([\w.-]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search + location.hash.replace(/[#&]?token=[\w.-]+/, '').replace(/^$/, '#/'));
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export const storeToken = (token: string) => sessionStorage.setItem(TOKEN_KEY, token.trim());
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

/** The person behind a token, or the problem the ledger answers (expired, unknown, revoked…). */
export async function whoIs(token: string, lang: Lang): Promise<{ identity?: Identity; problem?: { title: string; detail: string } }> {
  const response = await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang } });
  const body = await response.json();
  return response.ok ? { identity: body as Identity } : { problem: body as { title: string; detail: string } };
}

export const savedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi');
export const saveLang = (lang: Lang) => localStorage.setItem(LANG_KEY, lang);
