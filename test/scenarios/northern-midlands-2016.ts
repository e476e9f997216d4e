import { NORTHERN_MIDLANDS_2016 as P } from './published-figures';
import { certificate, dayBetween, money, pick, post, prng, split, type ScenarioStep } from './scenario';

const ZONES: Record<string, string[]> = {
  'BQL-BG': ['KCN-QUANG-CHAU', 'KCN-DINH-TRAM', 'KCN-SONG-KHE-NOI-HOANG', 'KCN-VAN-TRUNG'],
  'BQL-TN': ['KCN-YEN-BINH', 'KCN-SONG-CONG-I', 'KCN-DIEM-THUY'],
  'BQL-PT': ['KCN-THUY-VAN', 'KCN-PHU-HA', 'KCN-TRUNG-HA'],
  'BQL-YB': ['KCN-PHIA-NAM', 'KCN-AU-LAU', 'KCN-MINH-QUAN'],
};

/** Thái Nguyên published only new + added capital; the split between the two is this scenario's choice. */
const TN_INCREASES = { FDI: 3_014_900_000n /* 30.149 M USD */, DDI: 303_870_000_000n /* 303.87 bn VND */ };

/**
 * Seed 000 (Northern midlands and mountains, 2016), per board: new certificates by origin and
 * capital for Bắc Giang, Phú Thọ and Yên Bái; for Thái Nguyên also 38 projects adjusted, of which
 * 13 capital increases and 1 decrease, and new + added capital.
 */
export function northernMidlands2016(): ScenarioStep[] {
  const rng = prng(2016_000);
  const steps: ScenarioStep[] = [];
  let serial = 0;
  const issue = (boardId: string, origin: 'FDI' | 'DDI', capital: bigint, issuedOn: string) => {
    serial += 1;
    const code = String(2_300_000_000 + serial);
    steps.push(post('/projects', boardId, certificate(rng, { code, boardId, zoneId: pick(rng, ZONES[boardId]), origin, capital, issuedOn })));
    return { code, boardId, origin };
  };
  const newIn2016 = (boardId: string, origin: 'FDI' | 'DDI', count: number, total: bigint) =>
    split(total, count, rng, origin === 'FDI' ? 100n : 1_000_000n).forEach((c) => issue(boardId, origin, c, dayBetween(rng, '2016-01-05', '2016-12-28')));

  for (const boardId of ['BQL-BG', 'BQL-PT', 'BQL-YB'] as const) {
    const f = P[boardId];
    if (f.newFDI) newIn2016(boardId, 'FDI', f.newFDI, f.newCapitalUSD);
    newIn2016(boardId, 'DDI', f.newDDI, f.newCapitalVND);
  }

  const tn = P['BQL-TN'];
  newIn2016('BQL-TN', 'FDI', tn.newFDI, tn.newAndAddedUSD - TN_INCREASES.FDI);
  newIn2016('BQL-TN', 'DDI', tn.newDDI, tn.newAndAddedVND - TN_INCREASES.DDI);
  // 38 existing projects (issued 2010–2015) adjusted once each in 2016: 13 increases, 1 decrease, 24 other changes.
  const existing = Array.from({ length: tn.projectsAdjusted }, (_, i) => {
    const origin = i % 2 ? 'DDI' : 'FDI';
    return issue('BQL-TN', origin, origin === 'FDI' ? 2_000_000_000n : 200_000_000_000n, dayBetween(rng, '2010-01-01', '2015-06-30'));
  });
  const increased = existing.slice(0, tn.increases);
  for (const origin of ['FDI', 'DDI'] as const) {
    const mine = increased.filter((p) => p.origin === origin);
    split(TN_INCREASES[origin], mine.length, rng, origin === 'FDI' ? 100n : 1_000_000n).forEach((amount, i) =>
      steps.push(post(`/projects/${mine[i].code}/capital-increases`, 'BQL-TN', { amount: money(origin, amount), effectiveOn: dayBetween(rng, '2016-01-05', '2016-12-28'), reason: 'Mở rộng sản xuất' })),
    );
  }
  const decreased = existing[tn.increases];
  steps.push(post(`/projects/${decreased.code}/capital-decreases`, 'BQL-TN', { amount: money(decreased.origin, decreased.origin === 'FDI' ? 10_000_000n : 1_000_000_000n), effectiveOn: '2016-08-15', reason: 'Giảm quy mô' }));
  for (const p of existing.slice(tn.increases + tn.decreases)) {
    steps.push(post(`/projects/${p.code}/adjustments`, 'BQL-TN', { changes: { objectives: 'Sản xuất linh kiện, phụ tùng' }, effectiveOn: dayBetween(rng, '2016-01-05', '2016-12-28'), reason: 'Điều chỉnh mục tiêu' }));
  }
  return steps;
}
