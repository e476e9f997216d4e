import type { Lang } from '@ledger/labels';

/** Who is signed in, read from the token's claims (the API verifies it; this only labels the screen). */
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

export function identityOf(token: string): Identity | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Partial<Identity> & { boardId?: string };
    return typeof payload.sub === 'string' && typeof payload.role === 'string' ? { sub: payload.sub, role: payload.role, boardId: payload.boardId, name: payload.name } : undefined;
  } catch {
    return undefined;
  }
}

export const savedLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi');
export const saveLang = (lang: Lang) => localStorage.setItem(LANG_KEY, lang);
