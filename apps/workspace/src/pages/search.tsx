import { useEffect, useState } from 'preact/hooks';
import { STATUS_LABELS, formatUsdText, formatVndText, labelOf, type Lang } from '@ledger/labels';
import type { Api } from '../api';
import { t } from '../i18n';
import { boardName, zoneName, type Reference } from '../reference';
import type { RegisterItem } from '../types';

/**
 * Find a project by code, project name or investor name; accents optional ("Sao Viet" finds "Sao Việt").
 * An officer's list starts with the projects their board holds (those it can record acts on); one click widens it to every board.
 */
export function SearchPage(props: { api: Api; lang: Lang; reference: Reference; canIssue: boolean; ownBoardId?: string; open: (code: string) => void; issue: () => void; importRegister: () => void }) {
  const { lang } = props;
  const [ownOnly, setOwnOnly] = useState(props.ownBoardId !== undefined);
  const [q, setQ] = useState(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') ?? '');
  const [items, setItems] = useState<RegisterItem[] | undefined>();
  const [total, setTotal] = useState(0);

  async function search(query: string, own = ownOnly) {
    const boardId = own ? props.ownBoardId : undefined;
    const { data } = await props.api.GET('/api/v1/projects', { params: { query: { q: query || undefined, boardId, pageSize: 50, sort: 'projectCode' } as never } });
    const page = data as unknown as { items: RegisterItem[]; total: number } | undefined;
    setItems(page?.items ?? []);
    setTotal(page?.total ?? 0);
  }
  useEffect(() => void search(q), []);

  return (
    <div class="card">
      <form class="actions" onSubmit={(e) => { e.preventDefault(); void search(q); }}>
        <input name="q" style="flex:1" placeholder={t('searchPlaceholder', lang)} value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t('search', lang)}</button>
        {props.canIssue && <button type="button" class="secondary" onClick={props.issue} name="new-certificate">{t('newCertificate', lang)}</button>}
        {props.canIssue && <button type="button" class="secondary" onClick={props.importRegister} name="import-register">{t('importRegister', lang)}</button>}
      </form>
      {props.ownBoardId && (
        <label style="font-weight:normal">
          <input type="checkbox" style="width:auto" name="own-board" checked={ownOnly} onChange={(e) => { const own = (e.currentTarget as HTMLInputElement).checked; setOwnOnly(own); void search(q, own); }} />{' '}
          {t('ownBoardOnly', lang).replace('{board}', boardName(props.reference, props.ownBoardId, lang))}
        </label>
      )}
      {items && items.length === 0 && <p>{t('noResults', lang)}</p>}
      {items && items.length > 0 && (
        <>
          <p class="hint">{total} {t('results', lang)}</p>
          <table data-register>
            <thead><tr><th>{t('projectCode', lang)}</th><th>{t('projectName', lang)}</th><th>{t('investor', lang)}</th><th>{t('board', lang)}</th><th>{t('zone', lang)}</th><th>{t('status', lang)}</th><th>{t('capital', lang)}</th></tr></thead>
            <tbody>
              {items.map((p) => (
                <tr>
                  <td><a href={`#/p/${encodeURIComponent(p.projectCode)}`} onClick={(e) => { e.preventDefault(); props.open(p.projectCode); }}>{p.projectCode}</a></td>
                  <td>{p.projectName}</td>
                  <td>{p.mainInvestorName ?? ''}</td>
                  <td>{p.boardName ?? boardName(props.reference, p.boardId, lang)}</td>
                  <td>{p.zoneName ?? zoneName(props.reference, p.zoneId, lang)}</td>
                  <td>{labelOf(STATUS_LABELS, p.suspended ? 'SUSPENDED' : p.status, lang)}</td>
                  <td class="num">{p.origin === 'FDI' && p.registeredCapital.usd ? formatUsdText(p.registeredCapital.usd, lang) : formatVndText(p.registeredCapital.vnd, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
