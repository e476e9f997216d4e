export type Lang = 'vi' | 'en';
export type Labelled = Record<Lang, string>;

/** The language an Accept-Language header asks for: Vietnamese when it ranks vi first among vi/en. */
export function langOf(acceptLanguage: string | undefined, fallback: Lang = 'en'): Lang {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag.startsWith('vi') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked.length === 0 ? fallback : ranked[0].tag.startsWith('vi') ? 'vi' : 'en';
}
