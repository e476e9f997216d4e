/** Termination grounds, Law on Investment 2020 art. 48 (plus records imported from the 2014 law). */
export const TERMINATION_GROUNDS = [
  // art. 48(1): by the investor
  'INVESTOR_DECISION',
  'CHARTER_OR_CONTRACT',
  'DURATION_EXPIRED',
  // art. 48(2): by the registering authority
  'SUSPENSION_UNRESOLVED',
  'LOCATION_LOST',
  'UNCONTACTABLE_12M',
  'LAND_RECOVERED',
  'NO_DEPOSIT',
  'SHAM_TRANSACTION',
  'COURT_ARBITRATION',
  // records imported from the Law on Investment 2014
  'LEGACY_BEHIND_SCHEDULE',
] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

/** Suspension grounds, Law on Investment 2020 art. 47. */
export const SUSPENSION_GROUNDS = [
  'INVESTOR_DECISION', // art. 47(1)
  'HERITAGE_PROTECTION', // art. 47(2)(a)
  'ENVIRONMENTAL_VIOLATION', // art. 47(2)(b)
  'LABOUR_SAFETY', // art. 47(2)(c)
  'COURT_ARBITRATION', // art. 47(2)(d)
  'REPEATED_VIOLATION', // art. 47(2)(đ)
  'NATIONAL_DEFENCE_SECURITY', // art. 47(3), Prime Minister's decision
] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

export const ORIGINS = ['FDI', 'DDI'] as const;
export type Origin = (typeof ORIGINS)[number];
