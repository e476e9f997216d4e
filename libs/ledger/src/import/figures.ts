import { applyCorrections, effectiveDateOf, evolve, formatUsdCents, initialProjectState, parseUsdCents, parseVnd, type LegalDate, type Origin, type ProjectEvent, type ProjectState } from '@ledger/domain';

export interface OriginFigures {
  validProjects: number;
  /** FDI in USD, DDI in VND: exact decimal strings. */
  registeredCapital: string;
  currency: 'USD' | 'VND';
}

export interface FiguresAsOf {
  asOf: LegalDate;
  FDI: OriginFigures;
  DDI: OriginFigures;
}

export interface NewCertificatesOfYear {
  year: number;
  FDI: { count: number; capital: string; currency: 'USD' };
  DDI: { count: number; capital: string; currency: 'VND' };
}

export interface ImportFigures {
  /** Valid projects and registered capital at each year end in the data, then today. */
  asOf: FiguresAsOf[];
  /** Certificates issued per year with their capital at issuance. */
  newCertificates: NewCertificatesOfYear[];
}

const capitalOf = (state: ProjectState, origin: Origin) => (origin === 'FDI' ? (state.registeredCapital.usdCents ?? 0n) : state.registeredCapital.vnd);
const format = (minor: bigint, origin: Origin) => (origin === 'FDI' ? formatUsdCents(minor) : minor.toString());

/**
 * The figures of a set of projects, by a direct fold of each project's events in effective-date order
 * (the reports' definitions, DESIGN §5: valid = issued on or before D and not terminated on or before D;
 * registered capital = issuance + increases − decreases effective by D), without a read model.
 */
export function figuresOf(histories: Iterable<readonly ProjectEvent[]>, today: LegalDate): ImportFigures {
  const projects = [...histories].map((history) =>
    applyCorrections(history)
      .map((event, index) => ({ event, index, on: effectiveDateOf(event) }))
      .sort((a, b) => (a.on === b.on ? a.index - b.index : a.on < b.on ? -1 : 1)),
  );
  // Every year end from the first act's year to last year, then today.
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear, ...projects.flatMap((events) => (events.length > 0 ? [Number(events[0].on.slice(0, 4))] : [])));
  const dates = Array.from({ length: thisYear - first }, (_, i) => `${first + i}-12-31`);
  dates.push(today);
  const totals = dates.map(() => ({ FDI: { n: 0, capital: 0n }, DDI: { n: 0, capital: 0n } }));
  const issued = new Map<number, { FDI: { n: number; capital: bigint }; DDI: { n: number; capital: bigint } }>();
  for (const events of projects) {
    let state = initialProjectState;
    let next = 0;
    dates.forEach((date, i) => {
      while (next < events.length && events[next].on <= date) state = evolve(state, events[next++].event);
      if (state.status !== 'VALID' || !state.origin) return;
      totals[i][state.origin].n += 1;
      totals[i][state.origin].capital += capitalOf(state, state.origin);
    });
    for (const { event } of events) {
      if (event.type !== 'CertificateIssued') continue;
      const year = Number(event.data.issuedOn.slice(0, 4));
      const entry = issued.get(year) ?? { FDI: { n: 0, capital: 0n }, DDI: { n: 0, capital: 0n } };
      const origin = event.data.origin;
      entry[origin].n += 1;
      entry[origin].capital += origin === 'FDI' ? parseUsdCents(event.data.registeredCapital.usd ?? '0') : parseVnd(event.data.registeredCapital.vnd);
      issued.set(year, entry);
    }
  }
  return {
    asOf: dates.map((asOf, i) => ({
      asOf,
      FDI: { validProjects: totals[i].FDI.n, registeredCapital: format(totals[i].FDI.capital, 'FDI'), currency: 'USD' },
      DDI: { validProjects: totals[i].DDI.n, registeredCapital: format(totals[i].DDI.capital, 'DDI'), currency: 'VND' },
    })),
    newCertificates: [...issued]
      .sort(([a], [b]) => a - b)
      .map(([year, e]) => ({ year, FDI: { count: e.FDI.n, capital: format(e.FDI.capital, 'FDI'), currency: 'USD' }, DDI: { count: e.DDI.n, capital: format(e.DDI.capital, 'DDI'), currency: 'VND' } })),
  };
}
