import type { Lang } from '@ledger/labels';

/** The dashboard's own wording; event, status and ground names come from @ledger/labels, shared with the API. */
const VI = {
  title: 'Đăng ký đầu tư tại các KCN, KCX, KKT', tokenLabel: 'Mã truy cập (bearer token)', tokenSave: 'Dùng mã này', tokenChange: 'Đổi mã truy cập',
  tokenNeeded: 'Dán mã truy cập (npm run cli -- token --role analyst) hoặc mở liên kết có #token=…', tokenRefused: 'Mã truy cập bị từ chối: ',
  from: 'Từ ngày', to: 'Đến ngày', region: 'Vùng', board: 'Ban Quản lý', zone: 'KCN/KKT', origin: 'Nguồn vốn', all: 'Tất cả', interval: 'Chu kỳ',
  month: 'Tháng', quarter: 'Quý', year: 'Năm', currency: 'Tiền tệ',
  units: 'Đơn vị hành chính', unitsAuto: 'Tự động', historical: 'Theo đơn vị của kỳ báo cáo', current: 'Theo đơn vị hiện nay', unitsUsed: 'đơn vị',
  tileValid: 'Dự án còn hiệu lực', tileRegUsd: 'Vốn đăng ký FDI', tileRegVnd: 'Vốn đăng ký DDI', tileRealized: 'Vốn thực hiện lũy kế',
  tileNew: 'GCNĐKĐT cấp mới', tileAdj: 'Lượt điều chỉnh', tileTerm: 'Dự án chấm dứt',
  projects: 'dự án', asAt: 'tại ngày', inPeriod: 'trong kỳ', vsLastYear: 'so với cùng kỳ', noPrev: 'không có số liệu cùng kỳ', unchanged: 'không đổi so với cùng kỳ',
  ofRegistered: 'vốn đăng ký', realizedInPeriod: 'Thực hiện trong kỳ',
  copyText: 'Sao chép đoạn báo cáo', copied: 'Đã sao chép đoạn báo cáo.', copyManual: 'Không truy cập được bộ nhớ tạm; hãy chọn và sao chép đoạn dưới đây.',
  chartFlow: 'Vốn cấp mới và tăng thêm', chartCumulative: 'Vốn đăng ký và vốn thực hiện lũy kế', chartBoard: 'Dự án còn hiệu lực theo Ban Quản lý',
  chartZone: 'Dự án còn hiệu lực theo KCN/KKT', chartCountry: 'Vốn FDI đăng ký theo quốc gia nhà đầu tư',
  sNew: 'Cấp mới', sInc: 'Tăng vốn', sDec: 'Giảm vốn', sRegistered: 'Vốn đăng ký', sRealized: 'Vốn thực hiện', millionUsd: 'triệu USD', billionVnd: 'tỷ đồng',
  register: 'Danh mục dự án', search: 'Tìm theo mã hoặc tên dự án', colCode: 'Mã dự án', colName: 'Tên dự án', colBoard: 'Ban Quản lý', colZone: 'KCN/KKT',
  colOrigin: 'Nguồn vốn', colIssued: 'Ngày cấp', colStatus: 'Trạng thái', colCapital: 'Vốn đăng ký', colAdj: 'Lần điều chỉnh', page: 'Trang', of: '/', none: 'Không có dự án nào.',
  suspended: 'tạm ngừng',
  asOf: 'Tại ngày', close: 'Đóng', timeline: 'Lịch sử (sự kiện)', evType: 'Sự kiện', evEffective: 'Ngày hiệu lực', evDetail: 'Nội dung', evWho: 'Người ghi', evWhen: 'Thời điểm ghi', evDecision: 'Quyết định',
  projectForbidden: 'Mã truy cập vai trò “{role}” không được xem chi tiết dự án (chỉ cán bộ cấp phép hoặc kiểm toán viên). Hãy dán mã của kiểm toán viên.',
  projectMissing: 'Dự án chưa có hiệu lực vào ngày này.',
  pName: 'Tên dự án', pInvestors: 'Nhà đầu tư', pZone: 'KCN/KKT', pBoard: 'Ban Quản lý', pIssued: 'Ngày cấp', pCapital: 'Vốn đăng ký', pRealized: 'Vốn đã thực hiện', pStatus: 'Trạng thái', pAdj: 'Lần điều chỉnh', pObjectives: 'Mục tiêu',
  period: 'Kỳ báo cáo', latestWithData: 'kỳ gần nhất có số liệu', dateInvalid: 'Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 31/12/2016.', datePlaceholder: 'ngày/tháng/năm',
  download: 'Tải về', downloadCsv: 'CSV (Excel tiếng Việt)', downloadXlsx: 'Excel (.xlsx)', downloadRegister: 'Danh mục dự án (.xlsx)', downloadDocx: 'Báo cáo (Word)', downloading: 'Đang tải tệp…', downloaded: 'Đã tải tệp',
  tileDossiers: 'Hồ sơ TTHC tiếp nhận', tileDossiersOnTime: 'Hồ sơ giải quyết đúng hạn', tileDossiersOverdue: 'Hồ sơ quá hạn',
  dCarried: 'từ kỳ trước', dOnline: 'trực tuyến', dOfResolved: 'trên {n} hồ sơ đã giải quyết', dAhead: 'trước hạn', dShare: 'số hồ sơ đã giải quyết',
  dInProcess: 'đang giải quyết', dLate: 'đã giải quyết quá hạn',
  tileRevenue: 'Doanh thu doanh nghiệp', tileExports: 'Giá trị xuất khẩu', tileWorkers: 'Lao động', tileOccupancy: 'Tỷ lệ lấp đầy',
  reporting: 'doanh nghiệp báo cáo', foreigners: 'người nước ngoài', startedOperating: 'dự án đi vào hoạt động', operatingZones: 'KCN đang hoạt động', leased: 'đã cho thuê', chartOccupancy: 'Tỷ lệ lấp đầy theo KCN đang hoạt động',
  signIn: 'Đăng nhập', signOut: 'Đăng xuất', signInNeeded: 'Đăng nhập bằng tài khoản của cơ quan để xem số liệu.',
  loading: 'Đang tải…', updated: 'Cập nhật lúc', liveHint: 'Tự động cập nhật khi sổ có sự kiện mới', live: 'Trực tiếp', error: 'Lỗi: ',
};
export type Key = keyof typeof VI;

const EN: Record<Key, string> = {
  title: 'Investment registration in industrial and economic zones', tokenLabel: 'Access token (bearer)', tokenSave: 'Use this token', tokenChange: 'Change token',
  tokenNeeded: 'Paste an access token (npm run cli -- token --role analyst) or open a link with #token=…', tokenRefused: 'The token was refused: ',
  from: 'From', to: 'To', region: 'Region', board: 'Board', zone: 'Zone', origin: 'Origin', all: 'All', interval: 'Interval',
  month: 'Month', quarter: 'Quarter', year: 'Year', currency: 'Currency',
  units: 'Administrative units', unitsAuto: 'Automatic', historical: 'Units of the period', current: 'Today\'s units', unitsUsed: 'units',
  tileValid: 'Valid projects', tileRegUsd: 'Registered capital FDI', tileRegVnd: 'Registered capital DDI', tileRealized: 'Realized capital (cumulative)',
  tileNew: 'New certificates', tileAdj: 'Adjustment occurrences', tileTerm: 'Terminations',
  projects: 'projects', asAt: 'at', inPeriod: 'in the period', vsLastYear: 'vs same period last year', noPrev: 'no same-period figure', unchanged: 'unchanged vs same period',
  ofRegistered: 'of registered', realizedInPeriod: 'Realized in period',
  copyText: 'Copy report text', copied: 'Report text copied.', copyManual: 'No clipboard access; select and copy the text below.',
  chartFlow: 'New and added capital', chartCumulative: 'Cumulative registered vs realized capital', chartBoard: 'Valid projects by board',
  chartZone: 'Valid projects by zone', chartCountry: 'FDI registered capital by investor country',
  sNew: 'New', sInc: 'Increases', sDec: 'Decreases', sRegistered: 'Registered', sRealized: 'Realized', millionUsd: 'million USD', billionVnd: 'billion VND',
  register: 'Project register', search: 'Search by project code or name', colCode: 'Code', colName: 'Project', colBoard: 'Board', colZone: 'Zone',
  colOrigin: 'Origin', colIssued: 'Issued', colStatus: 'Status', colCapital: 'Registered capital', colAdj: 'Adjustments', page: 'Page', of: 'of', none: 'No projects.',
  suspended: 'suspended',
  asOf: 'As of', close: 'Close', timeline: 'Timeline (events)', evType: 'Event', evEffective: 'Effective', evDetail: 'Detail', evWho: 'Recorded by', evWhen: 'Recorded at', evDecision: 'Decision',
  projectForbidden: 'A token with role “{role}” may not read single projects (licensing officers and auditors only). Paste an auditor token.',
  projectMissing: 'The project was not in force on that date.',
  pName: 'Project name', pInvestors: 'Investors', pZone: 'Zone', pBoard: 'Board', pIssued: 'Issued on', pCapital: 'Registered capital', pRealized: 'Realized capital', pStatus: 'Status', pAdj: 'Adjustment no.', pObjectives: 'Objectives',
  period: 'Period', latestWithData: 'latest period with data', dateInvalid: 'Write dates as day/month/year, e.g. 31/12/2016.', datePlaceholder: 'dd/mm/yyyy',
  download: 'Download', downloadCsv: 'CSV (spreadsheet)', downloadXlsx: 'Excel (.xlsx)', downloadRegister: 'Project register (.xlsx)', downloadDocx: 'Report (Word)', downloading: 'Downloading…', downloaded: 'Downloaded',
  tileDossiers: 'Dossiers received', tileDossiersOnTime: 'Dossiers resolved on time', tileDossiersOverdue: 'Dossiers overdue',
  dCarried: 'carried over', dOnline: 'online', dOfResolved: 'of {n} resolved', dAhead: 'ahead of time', dShare: 'of the dossiers resolved',
  dInProcess: 'in process', dLate: 'resolved late',
  tileRevenue: 'Enterprise revenue', tileExports: 'Exports', tileWorkers: 'Workers', tileOccupancy: 'Occupancy',
  reporting: 'enterprises reporting', foreigners: 'foreigners', startedOperating: 'projects started operating', operatingZones: 'operating zones', leased: 'leased', chartOccupancy: 'Occupancy of operating zones',
  signIn: 'Sign in', signOut: 'Sign out', signInNeeded: 'Sign in with your organisation account to see the figures.',
  loading: 'Loading…', updated: 'Updated at', liveHint: 'Refreshes by itself when the ledger records new events', live: 'Live', error: 'Error: ',
};

const LABELS: Record<Lang, Record<Key, string>> = { vi: VI, en: EN };

export const isKey = (key: string): key is Key => Object.prototype.hasOwnProperty.call(VI, key);
export const label = (lang: Lang, key: Key): string => LABELS[lang][key];
