/**
 * Plausible project and investor names, chosen from the project code alone (no draw from the
 * scenario's random stream, so amounts and dates — and the published figures — stay as they were).
 * Invented names in the style of the boards' registers, not real companies.
 */
const FDI_STEMS: Record<string, string[]> = {
  KR: ['Daesung', 'Hanjin Precision', 'Seoyon', 'Mirae Tech', 'Woojin', 'Kumho Parts'],
  JP: ['Nishida', 'Sanko Seiki', 'Toyoda Kogyo', 'Hokuto', 'Maruyama', 'Kyowa Denshi'],
  CN: ['Shenhua', 'Jinlong', 'Hengtai', 'Sunwoda Parts', 'Huaxin', 'Lianfa'],
  TW: ['Foxlink', 'Chenghong', 'Taiyang', 'Hsinchu Tech', 'Everwin', 'Yulon'],
  SG: ['Lion Pacific', 'Straits Holdings', 'Keppel Parts', 'Orchid Global', 'Meranti', 'Harbourfront'],
  US: ['Pacific Crest', 'Bluewater', 'Summit Devices', 'Redwood Labs', 'Granite Peak', 'Northstar'],
  DE: ['Rheinmetall Teile', 'Baumann', 'Schwarzwald Technik', 'Kessler', 'Nordhaus', 'Lindner'],
  HK: ['Kowloon Trading', 'Victoria Harbour', 'Golden Dragon', 'Tai Hing', 'Pearl River', 'Wing On'],
  TH: ['Siam Precision', 'Chao Phraya', 'Thai Summit Parts', 'Bangkok Plastics', 'Ayutthaya', 'Lanna'],
  MY: ['Penang Circuits', 'Klang Valley', 'Selangor Polymer', 'Melaka', 'Johor Tech', 'Sabah'],
};
const FDI_SUFFIX = ['Vina Co., Ltd.', 'Vietnam Co., Ltd.', 'Co., Ltd.', 'Vina Ltd.'];
const DDI_STEMS = ['Minh Phát', 'Hòa Bình', 'An Khánh', 'Thành Đạt', 'Việt Hưng', 'Phú Thịnh', 'Đại Dương', 'Sao Mai', 'Trường Sơn', 'Hưng Long', 'Bảo Châu', 'Tân Tiến'];
const DDI_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV'];
const PRODUCTS = [
  'linh kiện điện tử',
  'bảng mạch in',
  'phụ tùng ô tô, xe máy',
  'khuôn mẫu chính xác',
  'hàng may mặc xuất khẩu',
  'bao bì giấy và nhựa',
  'thiết bị y tế',
  'đồ gỗ nội thất',
  'cấu kiện thép',
  'nhựa kỹ thuật',
  'thực phẩm chế biến',
  'pin và bộ lưu điện',
];

/** A stable index from the code's digits (FNV-1a). */
function indexOf(code: string, salt: number, length: number): number {
  let h = 2166136261 ^ salt;
  for (const c of code) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % length;
}

export function projectNames(code: string, origin: 'FDI' | 'DDI', country: string): { projectName: string; investorName: string; product: string } {
  const product = PRODUCTS[indexOf(code, 1, PRODUCTS.length)];
  if (origin === 'FDI') {
    const stems = FDI_STEMS[country] ?? FDI_STEMS.SG;
    const stem = stems[indexOf(code, 2, stems.length)];
    return { projectName: `Nhà máy sản xuất ${product} ${stem}`, investorName: `${stem} ${FDI_SUFFIX[indexOf(code, 3, FDI_SUFFIX.length)]}`, product };
  }
  const stem = DDI_STEMS[indexOf(code, 4, DDI_STEMS.length)];
  return { projectName: `Dự án nhà máy ${product} ${stem}`, investorName: `${DDI_FORMS[indexOf(code, 5, DDI_FORMS.length)]} ${stem}`, product };
}
