import { readPlan } from './read-plan';

/** Which read model a report reads, by what it asks for. */
describe('readPlan', () => {
  it.each([
    ['as known now, by board: zones summed', { filters: {}, groupBy: ['board'] }, { sums: 'board-running-sums', stock: 'board-running-sums', projectsAdjusted: 'adjusted-days' }],
    ['as known now, by region and origin, filtered to a board', { filters: { boardId: 'BQL-BG' }, groupBy: ['region', 'origin'] }, { sums: 'board-running-sums', stock: 'board-running-sums', projectsAdjusted: 'adjusted-days' }],
    ['by zone: running sums keep zones, adjustment days do not', { filters: {}, groupBy: ['zone'] }, { sums: 'running-sums', stock: 'running-sums', projectsAdjusted: 'facts' }],
    ['filtered to a zone', { filters: { zoneId: 'KCN-QUANG-CHAU' }, groupBy: [] }, { sums: 'running-sums', stock: 'running-sums', projectsAdjusted: 'facts' }],
    ['by investor country: flows from the facts, the stock from running sums by country', { filters: {}, groupBy: ['country'] }, { sums: 'facts', stock: 'country-running-sums', projectsAdjusted: 'facts' }],
    ['by investor country within a zone: the running sums by country have no zone', { filters: { zoneId: 'KCN-QUANG-CHAU' }, groupBy: ['country'] }, { sums: 'facts', stock: 'facts', projectsAdjusted: 'facts' }],
    ['known at a time: only the facts carry recorded_at', { knownAt: '2017-01-01T00:00:00.000Z', filters: {}, groupBy: [] }, { sums: 'facts', stock: 'facts', projectsAdjusted: 'facts' }],
  ] as const)('%s', (_name, query, plan) => {
    expect(readPlan({ ...query, groupBy: [...query.groupBy] })).toEqual(plan);
  });
});
