import { generationOf } from './generation';

describe('generationOf', () => {
  it('given a mark that stands still, then the generation stands still; when the mark changes, then it moves forward, also back to an earlier mark', () => {
    let mark = 'a';
    const generation = generationOf(() => mark);
    const first = generation();
    expect(generation()).toBe(first);
    mark = 'b';
    const second = generation();
    expect(second).toBeGreaterThan(first);
    expect(generation()).toBe(second);
    mark = 'a';
    expect(generation()).toBeGreaterThan(second);
  });
});
