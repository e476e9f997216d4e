import { keyOf } from './text';

/**
 * Investor countries as boards write them, Vietnamese and English, to ISO 3166-1 alpha-2. A small
 * table rather than a library: the registers name a few dozen investor countries, and a lookup that
 * fails is reported on its row (add the name here or write the ISO code in the sheet).
 */
const NAMES: Record<string, readonly string[]> = {
  VN: ['Việt Nam', 'Viet Nam', 'Vietnam', 'Trong nước'],
  KR: ['Hàn Quốc', 'Korea', 'South Korea', 'Republic of Korea', 'Đại Hàn Dân Quốc'],
  JP: ['Nhật Bản', 'Nhật', 'Japan'],
  CN: ['Trung Quốc', 'China', "People's Republic of China"],
  TW: ['Đài Loan', 'Đài Loan (Trung Quốc)', 'Taiwan'],
  HK: ['Hồng Kông', 'Hồng Kông (Trung Quốc)', 'Hong Kong'],
  SG: ['Singapore', 'Xin-ga-po'],
  US: ['Hoa Kỳ', 'Mỹ', 'United States', 'USA', 'United States of America'],
  GB: ['Vương quốc Anh', 'Anh', 'United Kingdom', 'UK'],
  VG: ['Quần đảo Virgin thuộc Anh', 'BVI', 'British Virgin Islands', 'Virgin Islands (British)'],
  KY: ['Quần đảo Cayman', 'Cayman Islands'],
  WS: ['Samoa'],
  SC: ['Seychelles'],
  DE: ['Đức', 'CHLB Đức', 'Germany'],
  FR: ['Pháp', 'France'],
  NL: ['Hà Lan', 'Netherlands', 'The Netherlands'],
  CH: ['Thụy Sĩ', 'Thụy Sỹ', 'Switzerland'],
  IT: ['Italia', 'Ý', 'Italy'],
  DK: ['Đan Mạch', 'Denmark'],
  SE: ['Thụy Điển', 'Sweden'],
  BE: ['Bỉ', 'Belgium'],
  AU: ['Úc', 'Ô-xtrây-li-a', 'Australia'],
  NZ: ['New Zealand'],
  CA: ['Canada'],
  IN: ['Ấn Độ', 'India'],
  TH: ['Thái Lan', 'Thailand'],
  MY: ['Malaysia', 'Ma-lai-xi-a'],
  ID: ['Indonesia', 'In-đô-nê-xi-a'],
  PH: ['Philippines', 'Phi-líp-pin'],
  KH: ['Campuchia', 'Cambodia'],
  LA: ['Lào', 'Laos'],
  RU: ['Liên bang Nga', 'Nga', 'Russia', 'Russian Federation'],
  TR: ['Thổ Nhĩ Kỳ', 'Turkey', 'Türkiye'],
  IL: ['Israel'],
  AE: ['Các Tiểu vương quốc Ả Rập Thống nhất', 'UAE', 'United Arab Emirates'],
  LU: ['Luxembourg', 'Lúc-xăm-bua'],
  MU: ['Mauritius'],
  BS: ['Bahamas'],
  BM: ['Bermuda'],
};

const BY_KEY = new Map<string, string>();
for (const [code, names] of Object.entries(NAMES)) {
  BY_KEY.set(keyOf(code), code);
  for (const name of names) BY_KEY.set(keyOf(name), code);
}

/** The ISO code of a country as written (a name in the table, or already a two-letter code); undefined if unknown. */
export function countryCodeOf(text: string): string | undefined {
  const key = keyOf(text);
  return BY_KEY.get(key) ?? (/^[A-Z]{2}$/.test(text.trim()) ? text.trim() : undefined);
}
