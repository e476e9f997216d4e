// The dashboard's state reads the page's address and storage when it loads: a page without either.
Object.assign(globalThis, { location: { hash: '' }, sessionStorage: { getItem: () => null }, localStorage: { getItem: () => null } });
const { axisNumber } = require('./format') as typeof import('./format');
const { state } = require('./state') as typeof import('./state');

describe('dashboard formats', () => {
  afterEach(() => (state.lang = 'vi'));

  it('labels a money axis with the decimals its ticks have, never rounding a small tick to 0', () => {
    expect([0, 0.01, 0.02, 0.05, 0.1 + 0.2, 2.5, 1500].map(axisNumber)).toEqual(['0', '0,01', '0,02', '0,05', '0,3', '2,5', '1.500']);
    state.lang = 'en';
    expect([0.02, 1500].map(axisNumber)).toEqual(['0.02', '1,500']);
  });
});
