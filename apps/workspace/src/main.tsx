import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '@ledger/labels';
import { apiClient } from './api';
import { t } from './i18n';
import { loadReference, boardName, type Reference } from './reference';
import { forgetToken, identityOf, saveLang, savedLang, storeToken, takeToken } from './session';
import { SearchPage } from './pages/search';
import { ProjectPage } from './pages/project';
import { ActForm } from './forms/act-form';
import { ImportPage } from './pages/import';

type Route = { page: 'search' } | { page: 'project'; code: string } | { page: 'issue' } | { page: 'import' };

function routeOf(hash: string): Route {
  const project = /^#\/p\/([^?]+)/.exec(hash);
  if (project) return { page: 'project', code: decodeURIComponent(project[1]) };
  if (hash.startsWith('#/issue')) return { page: 'issue' };
  if (hash.startsWith('#/import')) return { page: 'import' };
  return { page: 'search' };
}

function App() {
  const [token, setToken] = useState(takeToken);
  const [lang, setLang] = useState<Lang>(savedLang);
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  const [reference, setReference] = useState<Reference | undefined>();
  const [pasted, setPasted] = useState('');
  const identity = token ? identityOf(token) : undefined;
  const api = useMemo(() => apiClient(() => token, () => lang), [token, lang]);

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

  const go = (hash: string) => (location.hash = hash);
  const switchLang = (next: Lang) => {
    saveLang(next);
    setLang(next);
  };

  return (
    <>
      <header>
        <h1>{t('title', lang)}</h1>
        {identity && <span class="who" data-who>{identity.name ?? identity.sub} · {identity.role}{identity.boardId ? ` · ${boardName(reference, identity.boardId, lang)}` : ''}</span>}
        <select name="lang" value={lang} onChange={(e) => switchLang((e.currentTarget as HTMLSelectElement).value as Lang)} style="width:auto">
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
        {identity && <button class="secondary" onClick={() => { forgetToken(); setToken(undefined); }}>{t('signOut', lang)}</button>}
      </header>
      <main>
        {!identity && (
          <form class="card" onSubmit={(e) => { e.preventDefault(); storeToken(pasted); setToken(pasted.trim()); }}>
            <p>{t('signInPrompt', lang)}</p>
            <textarea name="token" value={pasted} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
            <div class="actions"><button type="submit">{t('signIn', lang)}</button></div>
          </form>
        )}
        {identity && reference && route.page === 'search' && <SearchPage api={api} lang={lang} reference={reference} canIssue={identity.role === 'officer' || identity.role === 'admin'} open={(code) => go(`#/p/${encodeURIComponent(code)}`)} issue={() => go('#/issue')} importRegister={() => go('#/import')} />}
        {identity && reference && route.page === 'project' && <ProjectPage api={api} lang={lang} reference={reference} identity={identity} code={route.code} back={() => go('#/')} />}
        {identity && token && route.page === 'import' && <ImportPage lang={lang} token={token} boardId={identity.boardId ?? ''} back={() => go('#/')} />}
        {identity && reference && route.page === 'issue' && (
          <ActForm type="IssueCertificate" api={api} lang={lang} reference={reference} identity={identity} onRecorded={(r) => go(`#/p/${encodeURIComponent(r.projectCode)}`)} onCancel={() => go('#/')} onReload={async () => undefined} />
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
