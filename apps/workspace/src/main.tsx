import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { labelOf, ROLE_LABELS, type Lang } from '@ledger/labels';
import { apiClient } from './api';
import { t } from './i18n';
import { loadReference, boardName, holderOn, type Reference } from './reference';
import type { UserManager } from 'oidc-client-ts';
import { forgetToken, saveLang, savedLang, storeToken, takeToken, whoIs, type Identity } from './session';
import { completeSignIn, loadSignInConfig, userManagerOf } from './sign-in';
import { SearchPage } from './pages/search';
import { ProjectPage } from './pages/project';
import { ActForm } from './forms/act-form';
import { ImportPage } from './pages/import';
import { DossiersPage, type Procedure } from './pages/dossiers';

type Route = { page: 'search' } | { page: 'project'; code: string; dossierId?: string } | { page: 'issue'; dossierId?: string; projectCode?: string } | { page: 'import' } | { page: 'dossiers' };

function routeOf(hash: string): Route {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const dossierId = query.get('dossier') ?? undefined;
  const project = /^#\/p\/([^?]+)/.exec(hash);
  if (project) return { page: 'project', code: decodeURIComponent(project[1]), dossierId };
  if (hash.startsWith('#/issue')) return { page: 'issue', dossierId, projectCode: query.get('project') ?? undefined };
  if (hash.startsWith('#/dossiers')) return { page: 'dossiers' };
  if (hash.startsWith('#/import')) return { page: 'import' };
  return { page: 'search' };
}

/** The registers an officer may bring in: their board's and those of the boards it succeeded. */
const boardsOfRegister = (ref: Reference, own: string, lang: Lang) =>
  ref.boards.filter((b) => holderOn(ref, b.id, ref.today) === own).map((b) => ({ id: b.id, name: lang === 'vi' ? b.nameVi : b.name }));

function App() {
  const [token, setToken] = useState(takeToken);
  const [lang, setLang] = useState<Lang>(savedLang);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [reference, setReference] = useState<Reference | undefined>();
  const [pasted, setPasted] = useState('');
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [identity, setIdentity] = useState<Identity | undefined>();
  const [refused, setRefused] = useState<{ title: string; detail: string } | undefined>();
  // With an issuer configured the page signs in through it; without, a development token is pasted or linked.
  const [manager, setManager] = useState<UserManager | undefined>();
  const [issuer, setIssuer] = useState<string | undefined>();
  const api = useMemo(() => apiClient(() => token, () => lang), [token, lang]);

  useEffect(() => {
    void loadSignInConfig().then(async (config) => {
      if (!config.issuer || !config.clientId) return;
      const oidc = userManagerOf({ issuer: config.issuer, clientId: config.clientId });
      // A renewed access token replaces the old one without a reload.
      oidc.events.addUserLoaded((user) => {
        storeToken(user.access_token);
        setToken(user.access_token);
      });
      setIssuer(config.issuer);
      setManager(oidc);
      const signedIn = await completeSignIn(oidc);
      if (signedIn) storeToken(signedIn);
      else forgetToken();
      setToken(signedIn);
    });
  }, []);
  useEffect(() => {
    setIdentity(undefined);
    setRefused(undefined);
    if (token) void whoIs(token, lang).then((who) => (who.identity ? setIdentity(who.identity) : setRefused(who.problem)));
  }, [token]);
  const signOut = () => {
    forgetToken();
    setToken(undefined);
    if (manager) void manager.signoutRedirect();
  };

  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    void loadReference().then(setReference);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('title', lang);
  }, [lang]);

  useEffect(() => {
    if (!identity) return;
    void api.GET('/api/v1/dossier-procedures').then(({ data }) => setProcedures(((data as unknown as { procedures: Procedure[] }) ?? { procedures: [] }).procedures));
  }, [api, identity?.sub]);
  const go = (hash: string) => (location.hash = hash);
  const switchLang = (next: Lang) => {
    saveLang(next);
    setLang(next);
  };

  return (
    <>
      <header>
        <h1>{t('title', lang)}</h1>
        {identity && <span class="who" data-who>{identity.name ?? identity.sub} · {labelOf(ROLE_LABELS, identity.role, lang)}{identity.boardId ? ` · ${boardName(reference, identity.boardId, lang)}` : ''}</span>}
        <select name="lang" value={lang} onChange={(e) => switchLang((e.currentTarget as HTMLSelectElement).value as Lang)} style="width:auto">
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
        {identity && <a href="#/" onClick={(e) => { e.preventDefault(); go('#/'); }}>{t('search', lang)}</a>}
        {identity && identity.role === 'officer' && <a href="#/dossiers" data-nav="dossiers" onClick={(e) => { e.preventDefault(); go('#/dossiers'); }}>{t('dossiers', lang)}</a>}
                {identity && <button class="secondary" onClick={signOut}>{t('signOut', lang)}</button>}
      </header>
      <main>
        {refused && <div class="card problem" role="alert" data-refused><strong>{refused.title}</strong> {refused.detail}</div>}
        {!identity && manager && (
          <div class="card">
            <p>{t('signInWithIssuer', lang)} <code>{issuer}</code></p>
            <div class="actions"><button data-sign-in onClick={() => void manager.signinRedirect()}>{t('signIn', lang)}</button></div>
          </div>
        )}
        {!identity && !manager && (
          <form class="card" onSubmit={(e) => { e.preventDefault(); storeToken(pasted); setToken(pasted.trim()); }}>
            <p>{t('signInPrompt', lang)}</p>
            <textarea name="token" value={pasted} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
            <div class="actions"><button type="submit">{t('signIn', lang)}</button></div>
          </form>
        )}
        {identity && reference && route.page === 'search' && <SearchPage api={api} lang={lang} reference={reference} canIssue={identity.role === 'officer' || identity.role === 'admin'} ownBoardId={identity.role === 'officer' ? identity.boardId : undefined} open={(code) => go(`#/p/${encodeURIComponent(code)}`)} issue={() => go('#/issue')} importRegister={() => go('#/import')} />}
        {identity && reference && route.page === 'project' && <ProjectPage api={api} lang={lang} reference={reference} identity={identity} code={route.code} dossierId={route.dossierId} back={() => go('#/')} />}
        {identity && route.page === 'dossiers' && (
          <DossiersPage api={api} lang={lang} boardId={identity.boardId ?? ''} procedures={procedures}
            resolve={(d, p) => go(p?.actTypes.includes('CertificateIssued') || !d.projectCode ? `#/issue?dossier=${encodeURIComponent(d.dossierId)}${d.projectCode ? `&project=${encodeURIComponent(d.projectCode)}` : ''}` : `#/p/${encodeURIComponent(d.projectCode)}?dossier=${encodeURIComponent(d.dossierId)}`)} />
        )}
        {identity && token && reference && route.page === 'import' && <ImportPage lang={lang} token={token} boards={boardsOfRegister(reference, identity.boardId ?? '', lang)} back={() => go('#/')} />}
        {identity && reference && route.page === 'issue' && (
          <ActForm type="IssueCertificate" api={api} lang={lang} reference={reference} identity={identity} dossierId={route.dossierId} initialProjectCode={route.projectCode} onRecorded={(r) => go(`#/p/${encodeURIComponent(r.projectCode)}`)} onCancel={() => go('#/')} onReload={async () => undefined} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
