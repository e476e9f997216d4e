import type { Identity } from '@ledger/ledger';
import { TokenRefused, type TokenVerifier } from './token-verifier';
import { VerifiedTokens } from './verified-tokens';

/** A compact JWT with the given claims; its signature is whatever the fake verifier accepts. */
const tokenWith = (claims: object, signature = 'sig') => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

/** Accepts tokens signed 'sig' as subject 'lan', refuses others; counts its calls. */
function countingVerifier() {
  const calls = { n: 0 };
  const verifier: TokenVerifier = {
    verify: async (token) => {
      calls.n += 1;
      if (!token.endsWith('.sig')) throw new TokenRefused('TOKEN_INVALID', 'bad signature');
      return { sub: 'lan', claimed: { role: 'analyst' } } as Identity;
    },
  };
  return { verifier, calls };
}

describe('VerifiedTokens: each bearer token verified once while it is valid', () => {
  const start = Date.parse('2026-12-01T10:00:00Z');

  it('given a verified token, when it is presented again, then the identity is the same and the signature is not checked again', async () => {
    const { verifier, calls } = countingVerifier();
    const tokens = new VerifiedTokens(verifier, () => start);
    const token = tokenWith({ sub: 'lan', exp: start / 1000 + 3600 });
    expect(await tokens.verify(token)).toEqual(await tokens.verify(token));
    expect(calls.n).toBe(1);
  });

  it('when a token is refused, then it is refused again on the next request, each time by the verifier', async () => {
    const { verifier, calls } = countingVerifier();
    const tokens = new VerifiedTokens(verifier, () => start);
    const forged = tokenWith({ sub: 'lan', exp: start / 1000 + 3600 }, 'forged');
    await expect(tokens.verify(forged)).rejects.toThrow('bad signature');
    await expect(tokens.verify(forged)).rejects.toThrow('bad signature');
    expect(calls.n).toBe(2);
  });

  it.each([
    { valid: 'expiring in 30 s', expSeconds: 30, keptAt: 29_000, checkedAgainAt: 30_000 },
    { valid: 'valid for an hour (a withdrawn key stops working within a minute)', expSeconds: 3600, keptAt: 59_000, checkedAgainAt: 60_000 },
  ])('given a token $valid, then it is kept $keptAt ms and verified again at $checkedAgainAt ms', async ({ expSeconds, keptAt, checkedAgainAt }) => {
    const { verifier, calls } = countingVerifier();
    let now = start;
    const tokens = new VerifiedTokens(verifier, () => now);
    const token = tokenWith({ sub: 'lan', exp: start / 1000 + expSeconds });
    await tokens.verify(token);
    now = start + keptAt;
    await tokens.verify(token);
    expect(calls.n).toBe(1);
    now = start + checkedAgainAt;
    await tokens.verify(token);
    expect(calls.n).toBe(2);
  });

  it('given a full table of two tokens, when a third is verified, then the oldest is forgotten', async () => {
    const { verifier, calls } = countingVerifier();
    const tokens = new VerifiedTokens(verifier, () => start, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => tokenWith({ sub, exp: start / 1000 + 3600 }));
    for (const t of [a, b, c, b, c, a]) await tokens.verify(t);
    expect(calls.n).toBe(4); // a, b, c, then a again
  });
});
