import fc from 'fast-check';
import { canonicalize } from 'json-canonicalize';
import { GENESIS_HASH, chainHash } from '../hash-chain';
import { plainCanonicalJson, sealEvent } from './event-hash';

/**
 * sealEvent must hash exactly what chainHash hashes (hash-chain.ts defines the chain), or a log
 * written by the SQLite store would fail verifyChain; its shortcut serialiser must write what
 * json-canonicalize writes wherever it does not hand the value back to it.
 */

// Every UTF-16 code unit, lone surrogates included: JSON.stringify escapes those, and both sides must agree.
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) });
const keys = fc.oneof(codeUnits, fc.constantFrom('__proto__', 'toJSON', 'constructor', '10', '9', '', 'a', 'B', 'é', '𝒳'));
const json = fc.jsonValue({ stringUnit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) });
/** JSON plus what a caller could still pass: undefined, sparse arrays, Dates, boxed values, NaN, bigint, toJSON. */
const anything = fc.anything({
  key: keys,
  withBoxedValues: true,
  withSparseArray: true,
  withNullPrototype: true,
  withDate: true,
  withBigInt: true,
  withObjectString: true,
  values: [fc.double(), fc.constant(undefined), fc.constant(-0), fc.constant(1e21), fc.constant({ toJSON: 'not a function' }), codeUnits],
});
const content = (data: unknown, metadata: unknown, ids: { eventId: string; streamId: string; type: string }) => ({
  position: 42n,
  streamVersion: 7n,
  recordedAt: '2016-03-15T03:00:00.000Z',
  data,
  metadata: metadata as Record<string, unknown>,
  ...ids,
});
const ids = fc.record({ eventId: codeUnits, streamId: codeUnits, type: codeUnits });

const outcome = (f: () => string) => {
  try {
    return { value: f() };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
};

describe('sealEvent', () => {
  it('hashes JSON as chainHash does and stores it as its canonical JSON (a "toJSON" member: as JSON.stringify writes it)', () => {
    fc.assert(
      fc.property(json, fc.dictionary(keys, json), ids, (data, metadata, names) => {
        const event = content(data, metadata, names);
        const sealed = sealEvent(GENESIS_HASH, event);
        expect(sealed.hash).toBe(chainHash(GENESIS_HASH, event));
        const plain = plainCanonicalJson(data) !== undefined && plainCanonicalJson(metadata) !== undefined;
        expect(sealed.data).toBe(plain ? canonicalize(data) : JSON.stringify(data));
        expect(sealed.metadata).toBe(plain ? canonicalize(metadata) : JSON.stringify(metadata));
        expect(JSON.parse(sealed.data)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes anything else exactly as chainHash does, or fails where chainHash fails', () => {
    fc.assert(
      fc.property(anything, anything, ids, (data, metadata, names) => {
        const event = content(data, metadata, names);
        expect(outcome(() => sealEvent(GENESIS_HASH, event).hash)).toEqual(outcome(() => chainHash(GENESIS_HASH, event)));
      }),
      { numRuns: 1000 },
    );
  });

  it('hands values json-canonicalize treats specially back to it, and stores them as JSON.stringify did', () => {
    const cases: unknown[] = [{ on: new Date(0) }, { amount: { toJSON: () => ({ vnd: '1' }) } }, { x: [1, NaN] }, { n: 1n }, { f: () => 1 }];
    for (const data of cases) {
      const event = content(data, {}, { eventId: 'e', streamId: 's', type: 't' });
      expect(plainCanonicalJson(data)).toBeUndefined();
      const expected = outcome(() => chainHash(GENESIS_HASH, event));
      expect(outcome(() => sealEvent(GENESIS_HASH, event).hash)).toEqual(expected);
      if ('value' in expected) expect(sealEvent(GENESIS_HASH, event).data).toBe(JSON.stringify(data));
    }
  });

  it('leaves very deep values to json-canonicalize, which also detects cycles', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200; i++) deep = { [`k${i % 3}`]: [deep] };
    const event = content(deep, {}, { eventId: 'e', streamId: 's', type: 't' });
    expect(sealEvent(GENESIS_HASH, event).hash).toBe(chainHash(GENESIS_HASH, event));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => sealEvent(GENESIS_HASH, content(cyclic, {}, { eventId: 'e', streamId: 's', type: 't' }))).toThrow(/Circular/);
  });
});

describe('plainCanonicalJson', () => {
  it('writes what json-canonicalize writes whenever it answers', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const written = plainCanonicalJson(value);
        if (written !== undefined) expect(written).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });
});
