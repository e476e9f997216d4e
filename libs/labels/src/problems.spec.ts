import { RuleCode } from '@ledger/domain';
import { localizeProblem } from './problems';

/** An officer who reads Vietnamese gets every refusal of the rules in Vietnamese, whatever the aggregate. */
describe('problems in Vietnamese', () => {
  it.each(Object.values(RuleCode))('%s has a Vietnamese title and detail', (code) => {
    const problem = { type: 'urn:x', status: 422, code, title: 'English title', detail: 'English detail' };
    const vi = localizeProblem(problem, 'vi');
    expect(vi.title).not.toBe('English title');
    expect(vi.detail).not.toBe('English detail');
    expect(vi.code).toBe(code);
  });

  it.each(['FORMAT_NOT_SUPPORTED', 'IMPORT_FILE_UNREADABLE', 'IMPORT_HAS_ERRORS', 'INVALID_KNOWN_AT', 'DOSSIER_ID_INVALID', 'NARRATIVE_TEMPLATE_INVALID'])('the API problem %s has a Vietnamese title', (code) => {
    expect(localizeProblem({ type: 'urn:x', status: 400, code, title: 'English title', detail: 'English detail' }, 'vi').title).not.toBe('English title');
  });
});
