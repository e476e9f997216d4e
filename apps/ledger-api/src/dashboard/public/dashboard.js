/* Investment Registration Ledger dashboard: plain browser JavaScript, no build step.
 * Calls /api/v1 with the token of a sign-in through the deployment's issuer (window.LedgerSignIn, the
 * workspace's sign-in module) or, in development without an issuer, one pasted or passed as #token=….
 * Money arrives as exact decimal strings; tiles round half up on BigInt before formatting. */
(function () {
  'use strict';

  // ---------------------------------------------------------------- labels
  const LABELS = {
    vi: {
      title: 'Đăng ký đầu tư tại các KCN, KCX, KKT', tokenLabel: 'Mã truy cập (bearer token)', tokenSave: 'Dùng mã này', tokenChange: 'Đổi mã truy cập',
      tokenNeeded: 'Dán mã truy cập (npm run cli -- token --role analyst) hoặc mở liên kết có #token=…', tokenRefused: 'Mã truy cập bị từ chối: ',
      signIn: 'Đăng nhập', signOut: 'Đăng xuất', signInNeeded: 'Đăng nhập bằng tài khoản của cơ quan để xem số liệu.',
      from: 'Từ ngày', to: 'Đến ngày', region: 'Vùng', board: 'Ban Quản lý', zone: 'KCN/KKT', origin: 'Nguồn vốn', all: 'Tất cả', interval: 'Chu kỳ',
      month: 'Tháng', quarter: 'Quý', year: 'Năm', currency: 'Tiền tệ',
      units: 'Đơn vị hành chính', unitsAuto: 'Tự động', historical: 'Theo đơn vị của kỳ báo cáo', current: 'Theo đơn vị hiện nay', unitsUsed: 'đơn vị',
      tileValid: 'Dự án còn hiệu lực', tileRegUsd: 'Vốn đăng ký FDI', tileRegVnd: 'Vốn đăng ký DDI', tileRealized: 'Vốn thực hiện lũy kế',
      tileNew: 'GCNĐKĐT cấp mới', tileAdj: 'Lượt điều chỉnh', tileTerm: 'Dự án chấm dứt',
      tileDossiers: 'Hồ sơ TTHC tiếp nhận', tileDossiersOnTime: 'Hồ sơ giải quyết đúng hạn', tileDossiersOverdue: 'Hồ sơ quá hạn',
      dCarried: 'từ kỳ trước', dOnline: 'trực tuyến', dOfResolved: 'trên {n} hồ sơ đã giải quyết', dAhead: 'trước hạn', dShare: 'số hồ sơ đã giải quyết',
      dInProcess: 'đang giải quyết', dLate: 'đã giải quyết quá hạn',
      tileRevenue: 'Doanh thu doanh nghiệp', tileExports: 'Giá trị xuất khẩu', tileWorkers: 'Lao động', tileOccupancy: 'Tỷ lệ lấp đầy',
      reporting: 'doanh nghiệp báo cáo', foreigners: 'người nước ngoài', operatingZones: 'KCN đang hoạt động', leased: 'đã cho thuê', chartOccupancy: 'Tỷ lệ lấp đầy theo KCN đang hoạt động',
      projects: 'dự án', asAt: 'tại ngày', inPeriod: 'trong kỳ', vsLastYear: 'so với cùng kỳ', noPrev: 'không có số liệu cùng kỳ', unchanged: 'không đổi so với cùng kỳ',
      ofRegistered: 'vốn đăng ký', realizedInPeriod: 'Thực hiện trong kỳ',
      copyText: 'Sao chép đoạn báo cáo', copied: 'Đã sao chép đoạn báo cáo.', copyManual: 'Không truy cập được bộ nhớ tạm; hãy chọn và sao chép đoạn dưới đây.',
      chartFlow: 'Vốn cấp mới và tăng thêm', chartCumulative: 'Vốn đăng ký và vốn thực hiện lũy kế', chartBoard: 'Dự án còn hiệu lực theo Ban Quản lý',
      chartZone: 'Dự án còn hiệu lực theo KCN/KKT', chartCountry: 'Vốn FDI đăng ký theo quốc gia nhà đầu tư',
      sNew: 'Cấp mới', sInc: 'Tăng vốn', sDec: 'Giảm vốn', sRegistered: 'Vốn đăng ký', sRealized: 'Vốn thực hiện', millionUsd: 'triệu USD', billionVnd: 'tỷ đồng',
      register: 'Danh mục dự án', search: 'Tìm theo mã hoặc tên dự án', colCode: 'Mã dự án', colName: 'Tên dự án', colBoard: 'Ban Quản lý', colZone: 'KCN/KKT',
      colOrigin: 'Nguồn vốn', colIssued: 'Ngày cấp', colStatus: 'Trạng thái', colCapital: 'Vốn đăng ký', colAdj: 'Lần điều chỉnh', page: 'Trang', of: '/', none: 'Không có dự án nào.',
      VALID: 'Còn hiệu lực', TERMINATED: 'Đã chấm dứt', suspended: 'tạm ngừng',
      asOf: 'Tại ngày', close: 'Đóng', timeline: 'Lịch sử (sự kiện)', evType: 'Sự kiện', evEffective: 'Ngày hiệu lực', evDetail: 'Nội dung', evWho: 'Người ghi', evWhen: 'Thời điểm ghi', evDecision: 'Quyết định',
      projectForbidden: 'Mã truy cập vai trò “{role}” không được xem chi tiết dự án (chỉ officer hoặc auditor). Hãy dán mã của kiểm soát viên (auditor).',
      projectMissing: 'Dự án chưa có hiệu lực vào ngày này.',
      pName: 'Tên dự án', pInvestors: 'Nhà đầu tư', pZone: 'KCN/KKT', pBoard: 'Ban Quản lý', pIssued: 'Ngày cấp', pCapital: 'Vốn đăng ký', pRealized: 'Vốn đã thực hiện', pStatus: 'Trạng thái', pAdj: 'Lần điều chỉnh', pObjectives: 'Mục tiêu',
      loading: 'Đang tải…', updated: 'Cập nhật lúc', liveHint: 'Tự động cập nhật khi sổ có sự kiện mới', live: 'Trực tiếp', error: 'Lỗi: ',
      CertificateIssued: 'Cấp GCNĐKĐT', CapitalIncreased: 'Tăng vốn', CapitalDecreased: 'Giảm vốn', CertificateAdjusted: 'Điều chỉnh', CapitalRealized: 'Vốn thực hiện',
      ProjectSuspended: 'Tạm ngừng', ProjectResumed: 'Tiếp tục', ProjectTerminated: 'Chấm dứt', EventCorrected: 'Đính chính',
    },
    en: {
      title: 'Investment registration in industrial and economic zones', tokenLabel: 'Access token (bearer)', tokenSave: 'Use this token', tokenChange: 'Change token',
      tokenNeeded: 'Paste an access token (npm run cli -- token --role analyst) or open a link with #token=…', tokenRefused: 'The token was refused: ',
      signIn: 'Sign in', signOut: 'Sign out', signInNeeded: 'Sign in with your organisation account to see the figures.',
      from: 'From', to: 'To', region: 'Region', board: 'Board', zone: 'Zone', origin: 'Origin', all: 'All', interval: 'Interval',
      month: 'Month', quarter: 'Quarter', year: 'Year', currency: 'Currency',
      units: 'Administrative units', unitsAuto: 'Automatic', historical: 'Units of the period', current: 'Today\'s units', unitsUsed: 'units',
      tileValid: 'Valid projects', tileRegUsd: 'Registered capital FDI', tileRegVnd: 'Registered capital DDI', tileRealized: 'Realized capital (cumulative)',
      tileNew: 'New certificates', tileAdj: 'Adjustment occurrences', tileTerm: 'Terminations',
      tileDossiers: 'Dossiers received', tileDossiersOnTime: 'Dossiers resolved on time', tileDossiersOverdue: 'Dossiers overdue',
      dCarried: 'carried over', dOnline: 'online', dOfResolved: 'of {n} resolved', dAhead: 'ahead of time', dShare: 'of the dossiers resolved',
      dInProcess: 'in process', dLate: 'resolved late',
      tileRevenue: 'Enterprise revenue', tileExports: 'Exports', tileWorkers: 'Workers', tileOccupancy: 'Occupancy',
      reporting: 'enterprises reporting', foreigners: 'foreigners', operatingZones: 'operating zones', leased: 'leased', chartOccupancy: 'Occupancy of operating zones',
      projects: 'projects', asAt: 'at', inPeriod: 'in the period', vsLastYear: 'vs same period last year', noPrev: 'no same-period figure', unchanged: 'unchanged vs same period',
      ofRegistered: 'of registered', realizedInPeriod: 'Realized in period',
      copyText: 'Copy report text', copied: 'Report text copied.', copyManual: 'No clipboard access; select and copy the text below.',
      chartFlow: 'New and added capital', chartCumulative: 'Cumulative registered vs realized capital', chartBoard: 'Valid projects by board',
      chartZone: 'Valid projects by zone', chartCountry: 'FDI registered capital by investor country',
      sNew: 'New', sInc: 'Increases', sDec: 'Decreases', sRegistered: 'Registered', sRealized: 'Realized', millionUsd: 'million USD', billionVnd: 'billion VND',
      register: 'Project register', search: 'Search by project code or name', colCode: 'Code', colName: 'Project', colBoard: 'Board', colZone: 'Zone',
      colOrigin: 'Origin', colIssued: 'Issued', colStatus: 'Status', colCapital: 'Registered capital', colAdj: 'Adjustments', page: 'Page', of: 'of', none: 'No projects.',
      VALID: 'Valid', TERMINATED: 'Terminated', suspended: 'suspended',
      asOf: 'As of', close: 'Close', timeline: 'Timeline (events)', evType: 'Event', evEffective: 'Effective', evDetail: 'Detail', evWho: 'Recorded by', evWhen: 'Recorded at', evDecision: 'Decision',
      projectForbidden: 'A token with role “{role}” may not read single projects (officer or auditor only). Paste an auditor token.',
      projectMissing: 'The project was not in force on that date.',
      pName: 'Project name', pInvestors: 'Investors', pZone: 'Zone', pBoard: 'Board', pIssued: 'Issued on', pCapital: 'Registered capital', pRealized: 'Realized capital', pStatus: 'Status', pAdj: 'Adjustment no.', pObjectives: 'Objectives',
      loading: 'Loading…', updated: 'Updated at', liveHint: 'Refreshes by itself when the ledger records new events', live: 'Live', error: 'Error: ',
      CertificateIssued: 'Certificate issued', CapitalIncreased: 'Capital increased', CapitalDecreased: 'Capital decreased', CertificateAdjusted: 'Certificate adjusted', CapitalRealized: 'Capital realized',
      ProjectSuspended: 'Suspended', ProjectResumed: 'Resumed', ProjectTerminated: 'Terminated', EventCorrected: 'Corrected',
    },
  };

  // ---------------------------------------------------------------- state
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10); // Vietnam's date
  const state = {
    token: hash.get('token') || sessionStorage.getItem('ledger-token') || '',
    lang: (hash.get('lang') || localStorage.getItem('ledger-lang')) === 'en' ? 'en' : 'vi',
    from: hash.get('from') || `${today.slice(0, 4)}-01-01`,
    to: hash.get('to') || today,
    regionId: hash.get('regionId') || '',
    boardId: hash.get('boardId') || '',
    zoneId: hash.get('zoneId') || '',
    origin: hash.get('origin') || '',
    units: ['historical', 'current'].includes(hash.get('units')) ? hash.get('units') : '',
    interval: hash.get('interval') || 'month',
    chartOrigin: 'FDI',
    pollMs: Number(hash.get('poll')) || 5000,
    register: { q: '', sort: 'projectCode', order: 'asc', page: 1, pageSize: 10, total: 0 },
    head: null,
    reference: null,
    data: null,
    role: null,
    project: null,
    /** The issuer's sign-in (oidc-client-ts UserManager) when the deployment has one. */
    oidc: null,
  };
  if (hash.has('token')) {
    // Keep the token out of the address bar (and of screenshots and history).
    hash.delete('token');
    history.replaceState(null, '', `${location.pathname}${location.search}${[...hash].length ? `#${hash}` : ''}`);
  }
  if (state.token) sessionStorage.setItem('ledger-token', state.token);
  state.role = roleOf(state.token);

  const $ = (id) => document.getElementById(id);
  const t = (key) => (LABELS[state.lang][key] ?? key);
  const locale = () => (state.lang === 'vi' ? 'vi-VN' : 'en-US');

  function roleOf(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).role || null;
    } catch {
      return null;
    }
  }

  // ---------------------------------------------------------------- exact number formatting
  function toMinor(decimal, decimals) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(decimal));
    if (!m) return 0n;
    const value = BigInt(m[2]) * 10n ** BigInt(decimals) + BigInt(((m[3] || '') + '0'.repeat(decimals)).slice(0, decimals) || '0');
    return m[1] === '-' ? -value : value;
  }
  function divHalfUp(value, divisor) {
    const neg = value < 0n;
    const abs = neg ? -value : value;
    const q = (abs * 2n + divisor) / (2n * divisor);
    return neg ? -q : q;
  }
  function fmtTenths(tenths, dropZero) {
    const neg = tenths < 0n;
    const abs = neg ? -tenths : tenths;
    const whole = new Intl.NumberFormat(locale()).format(abs / 10n);
    const sep = new Intl.NumberFormat(locale()).formatToParts(1.5).find((p) => p.type === 'decimal').value;
    const text = dropZero && abs % 10n === 0n ? whole : `${whole}${sep}${abs % 10n}`;
    return neg ? `-${text}` : text;
  }
  const fmtCount = (n) => new Intl.NumberFormat(locale()).format(n);
  /** USD amount → "1.211,3 triệu USD"; VND amount → "1.294,6 tỷ đồng" (half up on BigInt). */
  function fmtMoney(amount, currency) {
    if (currency === 'USD') return `${fmtTenths(divHalfUp(toMinor(amount, 2), 10n ** 7n))} ${t('millionUsd')}`;
    return `${fmtTenths(divHalfUp(toMinor(amount, 0), 10n ** 8n))} ${t('billionVnd')}`;
  }
  const fmtPct = (pct) => (pct === null || pct === undefined ? '—' : `${fmtTenths(toMinor(pct, 1), true)}%`);
  const fmtDate = (d) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
  const fmtTime = (iso) => new Date(iso).toLocaleString(locale(), { timeZone: 'Asia/Ho_Chi_Minh' });
  /** Chart values: millions of USD or billions of VND as floats (display only). */
  const chartValue = (amount, currency) => Number(amount) / (currency === 'USD' ? 1e6 : 1e9);
  /** current/previous − 1 as a one-decimal percentage string (half up), or null when previous is zero. */
  function changePct(current, previous) {
    if (previous === 0n) return null;
    const diff = current - previous;
    const neg = diff < 0n !== previous < 0n && diff !== 0n;
    const a = diff < 0n ? -diff : diff;
    const p = previous < 0n ? -previous : previous;
    const tenths = (a * 2000n + p) / (2n * p);
    return `${neg ? '-' : ''}${tenths / 10n}.${tenths % 10n}`;
  }
  function changeHtml(pct) {
    if (pct === null) return `<span>${t('noPrev')}</span>`;
    const tenths = toMinor(pct, 1);
    if (tenths === 0n) return `<span>${t('unchanged')}</span>`;
    const up = tenths > 0n;
    return `<span class="${up ? 'up' : 'down'}">${up ? '▲ +' : '▼ −'}${fmtTenths(up ? tenths : -tenths, true)}%</span> ${t('vsLastYear')}`;
  }
  const addYears = (date, years) => {
    const y = Number(date.slice(0, 4)) + years;
    const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
    return `${y}-${md}`;
  };
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  // ---------------------------------------------------------------- API
  class ApiError extends Error {
    constructor(status, body) {
      super((body && (body.detail || body.title)) || `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }
  async function api(path, params = {}, accept = 'json') {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== undefined && v !== null));
    const response = await fetch(`/api/v1${path}${[...query].length ? `?${query}` : ''}`, { headers: { authorization: `Bearer ${state.token}` } });
    const body = accept === 'text' && response.ok ? await response.text() : await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }
  const filters = (extra = {}) => ({ regionId: state.regionId, boardId: state.boardId, zoneId: state.zoneId, origin: state.origin, units: state.units, minPosition: state.head ?? '', ...extra });

  // ---------------------------------------------------------------- reference data and filters
  const unitName = (u) => (u ? (state.lang === 'vi' ? u.nameVi : u.name) : '');
  const byId = (list, id) => list.find((u) => u.id === id);
  function fillSelect(select, items, value) {
    select.innerHTML = `<option value="">${esc(t('all'))}</option>` + items.map((u) => `<option value="${esc(u.id)}">${esc(unitName(u))}</option>`).join('');
    select.value = items.some((u) => u.id === value) ? value : '';
  }
  function renderFilterLists() {
    const ref = state.reference;
    if (!ref) return;
    // Units in force on the date the reports group by: the period end (historical) or today (current).
    const on = unitsMode() === 'current' ? ref.today || today : state.to;
    const inForce = (u) => u.validFrom <= on && (u.validTo === null || on <= u.validTo);
    // A board chosen under other units stays chosen as the board that holds its projects on that date.
    for (let b = byId(ref.boards, state.boardId); b && !inForce(b) && b.successorId && b.validTo < on; b = byId(ref.boards, b.successorId)) state.boardId = b.successorId;
    const regions = ref.regions.filter(inForce);
    fillSelect($('f-region'), regions, state.regionId);
    state.regionId = $('f-region').value;
    const region = byId(regions, state.regionId);
    const boards = ref.boards.filter((b) => inForce(b) && (!region || region.provinceIds.includes(b.provinceId)));
    fillSelect($('f-board'), boards, state.boardId);
    state.boardId = $('f-board').value;
    const boardIds = new Set(state.boardId ? [state.boardId, ...predecessors(state.boardId)] : boards.flatMap((b) => [b.id, ...predecessors(b.id)]));
    fillSelect($('f-zone'), ref.zones.filter((z) => boardIds.has(z.boardId)), state.zoneId);
    state.zoneId = $('f-zone').value;
  }
  /** The server's default, mirrored so the filter lists match: historical for a period wholly before the first succession. */
  function unitsMode() {
    if (state.units) return state.units;
    const ends = state.reference.boards.filter((b) => b.successorId && b.validTo).map((b) => b.validTo).sort();
    return ends.length && state.to <= ends[0] ? 'historical' : 'current';
  }
  function predecessors(boardId) {
    const out = [];
    for (const b of state.reference.boards) if (b.successorId === boardId) out.push(b.id, ...predecessors(b.id));
    return out;
  }

  // ---------------------------------------------------------------- loading
  let loadSeq = 0;
  async function refresh() {
    if (!state.token) return showTokenPanel(t('tokenNeeded'));
    const seq = ++loadSeq;
    setStatus(t('loading'));
    const asOfPrev = addYears(state.to, -1);
    const chartOrigin = state.origin || state.chartOrigin;
    const series = (metric) => api('/reports/timeseries', filters({ metric, interval: state.interval, from: state.from, to: state.to, origin: chartOrigin }));
    try {
      const [valid, validPrev, activity, byBoard, byZone, byCountry, sNew, sInc, sDec, sReg, sReal, dossiers] = await Promise.all([
        api('/reports/valid-projects', filters({ asOf: state.to })),
        api('/reports/valid-projects', filters({ asOf: asOfPrev })),
        api('/reports/activity', filters({ from: state.from, to: state.to })),
        api('/reports/valid-projects', filters({ asOf: state.to, groupBy: 'board' })),
        api('/reports/valid-projects', filters({ asOf: state.to, groupBy: 'zone' })),
        state.origin === 'DDI' ? Promise.resolve({ groups: [] }) : api('/reports/valid-projects', filters({ asOf: state.to, groupBy: 'country', origin: 'FDI' })),
        series('newCapital'),
        series('increasedCapital'),
        series('decreasedCapital'),
        series('registeredCapital'),
        series('cumulativeRealizedCapital'),
        // Dossiers belong to a board, not a zone or an origin: only the region and board filters apply.
        api('/reports/dossiers', { regionId: state.regionId, boardId: state.boardId, from: state.from, to: state.to, minPosition: state.head ?? '' }),
      ]);
      // Operating results and zones are extra parts: a failure there (e.g. a missing exchange rate) leaves their tiles empty, not the page.
      const [operations, zones] = await Promise.all([
        api('/reports/operations', filters({ from: state.from, to: state.to })).catch(() => null),
        api('/reports/zones', filters({ asOf: state.to, origin: '' })).catch(() => null),
      ]);
      if (seq !== loadSeq) return;
      state.data = { valid, validPrev, activity, byBoard, byZone, byCountry, sNew, sInc, sDec, sReg, sReal, dossiers, chartOrigin, operations, zones };
      renderTiles();
      renderCharts();
      await loadRegister();
      if (state.project) await openProject(state.project.code, true);
      setStatus(`${t('updated')} ${new Date().toLocaleTimeString(locale())} · ${t('unitsUsed')}: ${t(valid.units?.mode ?? unitsMode())}`);
      document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
    } catch (error) {
      if (seq !== loadSeq) return;
      if (error instanceof ApiError && error.status === 401) return showTokenPanel(t('tokenRefused') + error.message);
      setStatus(t('error') + error.message, true);
    }
  }
  function setStatus(text, isError) {
    $('status').textContent = text;
    $('status').classList.toggle('error', !!isError);
  }
  function showTokenPanel(message) {
    $('token-panel').hidden = false;
    $('token-message').textContent = state.oidc && !message.startsWith(t('tokenRefused')) ? t('signInNeeded') : message || '';
    setStatus('');
  }

  /** With an issuer: finish a sign-in that just came back, keep the renewed token, offer sign-in and sign-out instead of a paste. */
  async function startSignIn() {
    const config = await window.LedgerSignIn.loadSignInConfig();
    if (!config.issuer || !config.clientId) return;
    state.oidc = window.LedgerSignIn.userManagerOf(config, '/dashboard');
    state.oidc.events.addUserLoaded((user) => { state.token = user.access_token; });
    sessionStorage.removeItem('ledger-token');
    state.token = (await window.LedgerSignIn.completeSignIn(state.oidc)) || '';
    for (const id of ['token-input', 'token-save', 'token-change']) $(id).hidden = true;
    $('sign-in').hidden = false;
    $('sign-out').hidden = !state.token;
    $('sign-in').addEventListener('click', () => state.oidc.signinRedirect());
    $('sign-out').addEventListener('click', () => { state.token = ''; state.oidc.signoutRedirect(); });
    // The role comes from the ledger's user directory, not from the token.
    if (state.token) state.role = (await (await fetch('/api/v1/me', { headers: { authorization: `Bearer ${state.token}` } })).json()).role || null;
  }

  // ---------------------------------------------------------------- tiles
  function tile(name, value, sub, changeInner) {
    const el = document.querySelector(`[data-tile="${name}"]`);
    el.querySelector('.tile-value').textContent = value;
    el.querySelector('.tile-sub').textContent = sub;
    el.querySelector('.tile-change').innerHTML = changeInner;
  }
  function renderTiles() {
    if (!state.data) return;
    const { valid, validPrev, activity } = state.data;
    const V = valid.total;
    const P = validPrev.total;
    const A = activity.total;
    const at = `${t('asAt')} ${fmtDate(state.to)}`;
    const count = (f) => BigInt(f);
    tile('validProjects', fmtCount(V.FDI.validProjects + V.DDI.validProjects), `FDI ${fmtCount(V.FDI.validProjects)} · DDI ${fmtCount(V.DDI.validProjects)} · ${at}`,
      changeHtml(changePct(count(V.FDI.validProjects + V.DDI.validProjects), count(P.FDI.validProjects + P.DDI.validProjects))));
    tile('registeredUsd', fmtMoney(V.FDI.registeredCapital.amount, 'USD'), `${fmtCount(V.FDI.validProjects)} ${t('projects')} FDI · ${at}`,
      changeHtml(changePct(toMinor(V.FDI.registeredCapital.amount, 2), toMinor(P.FDI.registeredCapital.amount, 2))));
    tile('registeredVnd', fmtMoney(V.DDI.registeredCapital.amount, 'VND'), `${fmtCount(V.DDI.validProjects)} ${t('projects')} DDI · ${at}`,
      changeHtml(changePct(toMinor(V.DDI.registeredCapital.amount, 0), toMinor(P.DDI.registeredCapital.amount, 0))));
    tile('realized', fmtMoney(V.FDI.realizedCapital.amount, 'USD'),
      `${fmtPct(V.FDI.realizationRatioPct)} ${t('ofRegistered')} · DDI ${fmtMoney(V.DDI.realizedCapital.amount, 'VND')} (${fmtPct(V.DDI.realizationRatioPct)}) · ${t('realizedInPeriod')}: ${fmtMoney(A.FDI.current.realizedCapital.amount, 'USD')}, ${fmtMoney(A.DDI.current.realizedCapital.amount, 'VND')}`,
      changeHtml(changePct(toMinor(A.FDI.current.realizedCapital.amount, 2), toMinor(A.FDI.samePeriodLastYear.realizedCapital.amount, 2))));
    const flow = (path) => [A.FDI.current, A.DDI.current, A.FDI.samePeriodLastYear, A.DDI.samePeriodLastYear].map(path);
    const [nf, nd, pf, pd] = flow((f) => f.newCertificates.count);
    tile('newCertificates', fmtCount(nf + nd), `FDI ${fmtCount(nf)} (${fmtMoney(A.FDI.current.newCertificates.capital.amount, 'USD')}) · DDI ${fmtCount(nd)} (${fmtMoney(A.DDI.current.newCertificates.capital.amount, 'VND')})`,
      changeHtml(changePct(BigInt(nf + nd), BigInt(pf + pd))));
    const [af, ad, apf, apd] = flow((f) => f.adjustmentOccurrences);
    tile('adjustments', fmtCount(af + ad), `FDI ${fmtCount(af)} · DDI ${fmtCount(ad)} · +${fmtMoney(A.FDI.current.increases.capital.amount, 'USD')}, +${fmtMoney(A.DDI.current.increases.capital.amount, 'VND')}`,
      changeHtml(changePct(BigInt(af + ad), BigInt(apf + apd))));
    const [tf, td, tpf, tpd] = flow((f) => f.terminations.count);
    tile('terminations', fmtCount(tf + td), `FDI ${fmtCount(tf)} · DDI ${fmtCount(td)}`, changeHtml(changePct(BigInt(tf + td), BigInt(tpf + tpd))));
    renderDossierTiles(state.data.dossiers.total);
    renderOperationTiles(state.data.operations, state.data.zones);
  }
  /** part / whole in percent, one decimal, half up, as the reports write it ("92.3"). */
  function sharePct(part, whole) {
    if (whole === 0) return null;
    const tenths = (BigInt(part) * 2000n + BigInt(whole)) / (2n * BigInt(whole));
    return `${tenths / 10n}.${tenths % 10n}`;
  }
  function renderDossierTiles({ current: D, samePeriodLastYear: L }) {
    tile('dossiersReceived', fmtCount(D.received.total), `${t('dCarried')} ${fmtCount(D.carriedOver)} · ${t('dOnline')} ${fmtCount(D.received.ONLINE_PARTIAL + D.received.ONLINE_FULL)}`,
      changeHtml(changePct(BigInt(D.received.total), BigInt(L.received.total))));
    const inTime = D.resolved.aheadOfTime + D.resolved.onTime;
    const share = sharePct(inTime, D.resolved.total);
    tile('dossiersOnTime', fmtCount(inTime), `${t('dOfResolved').replace('{n}', fmtCount(D.resolved.total))} · ${t('dAhead')} ${fmtCount(D.resolved.aheadOfTime)}`,
      share === null ? '' : `<span>${esc(fmtPct(share))} ${esc(t('dShare'))}</span>`);
    tile('dossiersOverdue', fmtCount(D.inProcess.overdue), `${t('dInProcess')} ${fmtCount(D.inProcess.total)} · ${t('dLate')} ${fmtCount(D.resolved.late)}`,
      `<span>${esc(t('asAt'))} ${esc(fmtDate(state.to))}</span>`);
  }
  /** Operating results (FDI in USD, DDI in VND) and occupancy over the zones operating at the period's end. */
  function renderOperationTiles(operations, zones) {
    const O = operations && operations.total;
    if (O) {
      const [f, d] = [O.FDI, O.DDI];
      tile('revenue', fmtMoney(f.current.revenue.amount, 'USD'), `DDI ${fmtMoney(d.current.revenue.amount, 'VND')} · ${fmtCount(f.current.reportingProjects + d.current.reportingProjects)} ${t('reporting')}`, changeHtml(f.ratioPct.revenue));
      tile('exports', fmtMoney(f.current.exportValue.amount, 'USD'), `DDI ${fmtMoney(d.current.exportValue.amount, 'VND')}`, changeHtml(f.ratioPct.exportValue));
      const workers = (p) => BigInt(f[p].employees + d[p].employees);
      tile('workers', fmtCount(f.current.employees + d.current.employees), `${fmtCount(f.current.foreignEmployees + d.current.foreignEmployees)} ${t('foreigners')}`, changeHtml(changePct(workers('current'), workers('samePeriodLastYear'))));
    } else ['revenue', 'exports', 'workers'].forEach((name) => tile(name, '—', '', ''));
    const Z = zones && zones.total;
    const ha = (text) => `${fmtTenths(divHalfUp(toMinor(text, 2), 10n))} ha`;
    if (Z) tile('occupancy', fmtPct(Z.occupancy.occupancyPct), `${fmtCount(Z.byStatus.OPERATING.zones)} ${t('operatingZones')} · ${ha(Z.occupancy.leasedLandHa)} / ${ha(Z.occupancy.leasableLandHa)} ${t('leased')}`, '');
    else tile('occupancy', '—', '', '');
  }

  // ---------------------------------------------------------------- charts
  const charts = {};
  function chart(id) {
    if (!window.echarts) return null;
    if (!charts[id]) charts[id] = window.echarts.init($(id));
    return charts[id];
  }
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  function renderCharts() {
    if (!state.data || !window.echarts) return;
    const d = state.data;
    const o = d.chartOrigin;
    const cur = o === 'FDI' ? 'USD' : 'VND';
    const unit = cur === 'USD' ? t('millionUsd') : t('billionVnd');
    const periods = d.sNew.series.map((p) => p.period);
    const val = (p) => chartValue(p[o], cur);
    const numberAxis = { type: 'value', name: unit, axisLabel: { formatter: (v) => new Intl.NumberFormat(locale()).format(v) } };
    const tooltip = { trigger: 'axis', valueFormatter: (v) => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(v)} ${unit}` };
    chart('chart-flow').setOption({
      tooltip, legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods }, yAxis: numberAxis,
      series: [
        { name: t('sNew'), type: 'bar', stack: 'capital', data: d.sNew.series.map(val) },
        { name: t('sInc'), type: 'bar', stack: 'capital', data: d.sInc.series.map(val) },
        { name: t('sDec'), type: 'bar', stack: 'capital', data: d.sDec.series.map((p) => -val(p)) },
      ],
    }, true);
    chart('chart-cumulative').setOption({
      tooltip, legend: { top: 0 }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods }, yAxis: numberAxis,
      series: [
        { name: `${t('sRegistered')} ${o}`, type: 'line', data: d.sReg.series.map(val), smooth: true },
        { name: `${t('sRealized')} ${o}`, type: 'line', data: d.sReal.series.map(val), smooth: true, areaStyle: { opacity: 0.15 } },
      ],
    }, true);
    const countBars = (groups, key, names) => ({
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 150, right: 20, top: 30, bottom: 20 },
      yAxis: { type: 'category', data: groups.map((g) => names(g.key[key])), axisLabel: { width: 140, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: ['FDI', 'DDI'].map((origin) => ({ name: origin, type: 'bar', stack: 'n', barMaxWidth: 28, data: groups.map((g) => g[origin].validProjects) })),
    });
    const ref = state.reference || { boards: [], zones: [] };
    const nonEmpty = (r) => r.groups.filter((g) => g.FDI.validProjects + g.DDI.validProjects > 0);
    chart('chart-board').setOption(countBars(nonEmpty(d.byBoard), 'boardId', (id) => unitName(byId(ref.boards, id)) || id), true);
    chart('chart-zone').setOption(countBars(nonEmpty(d.byZone), 'zoneId', (id) => unitName(byId(ref.zones, id)) || id), true);
    const operating = d.zones ? d.zones.zones.filter((z) => z.status === 'OPERATING' && z.occupancyPct !== null) : [];
    chart('chart-occupancy').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(v)}%` },
      grid: { left: 150, right: 20, top: 20, bottom: 20 },
      yAxis: { type: 'category', data: operating.map((z) => unitName(byId(ref.zones, z.zoneId)) || z.nameVi || z.zoneId), axisLabel: { width: 140, overflow: 'truncate' } },
      xAxis: { type: 'value', max: (v) => Math.max(100, Math.ceil(v.max)) },
      series: [{ type: 'bar', barMaxWidth: 28, data: operating.map((z) => Number(z.occupancyPct)) }],
    }, true);
    const countries = d.byCountry.groups.filter((g) => g.FDI.validProjects > 0).sort((a, b) => Number(b.FDI.registeredCapital.amount) - Number(a.FDI.registeredCapital.amount));
    const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale()], { type: 'region' }) : null;
    const countryName = (c) => { try { return regionNames ? regionNames.of(c) : c; } catch { return c; } };
    chart('chart-country').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(v)} ${t('millionUsd')}` },
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: countries.map((g) => `${countryName(g.key.country)} (${g.FDI.validProjects})`) },
      yAxis: { type: 'value', name: t('millionUsd'), axisLabel: { formatter: (v) => new Intl.NumberFormat(locale()).format(v) } },
      series: [{ name: 'FDI', type: 'bar', barMaxWidth: 60, data: countries.map((g) => chartValue(g.FDI.registeredCapital.amount, 'USD')) }],
    }, true);
  }

  // ---------------------------------------------------------------- register
  async function loadRegister() {
    const r = state.register;
    const reply = await api('/projects', filters({ q: r.q, sort: r.sort, order: r.order, page: r.page, pageSize: r.pageSize, asOf: state.to }));
    r.total = reply.total;
    state.registerItems = reply.items;
    renderRegister();
  }
  function renderRegister() {
    const r = state.register;
    const items = state.registerItems || [];
    const ref = state.reference || { boards: [], zones: [] };
    $('register-table').querySelector('tbody').innerHTML = items.length
      ? items.map((p) => `<tr data-code="${esc(p.projectCode)}">
          <td><a data-open="${esc(p.projectCode)}">${esc(p.projectCode)}</a></td>
          <td>${esc(p.projectName)}</td>
          <td>${esc(unitName(byId(ref.boards, p.boardId)) || p.boardId)}</td>
          <td>${esc(unitName(byId(ref.zones, p.zoneId)) || p.zoneId)}</td>
          <td>${esc(p.origin)}</td>
          <td>${esc(fmtDate(p.issuedOn))}</td>
          <td>${esc(t(p.status))}${p.suspended ? ` (${esc(t('suspended'))})` : ''}</td>
          <td class="num">${esc(p.origin === 'FDI' ? fmtMoney(p.registeredCapital.usd, 'USD') : fmtMoney(p.registeredCapital.vnd, 'VND'))}</td>
          <td class="num">${esc(fmtCount(p.adjustmentNo))}</td></tr>`).join('')
      : `<tr><td colspan="9">${esc(t('none'))}</td></tr>`;
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    $('page-info').textContent = `${t('page')} ${r.page} ${t('of')} ${pages} · ${fmtCount(r.total)} ${t('projects')}`;
    $('page-prev').disabled = r.page <= 1;
    $('page-next').disabled = r.page >= pages;
    document.querySelectorAll('#register-table th[data-sort]').forEach((th) => {
      th.classList.toggle('sorted-asc', th.dataset.sort === r.sort && r.order === 'asc');
      th.classList.toggle('sorted-desc', th.dataset.sort === r.sort && r.order === 'desc');
    });
  }

  // ---------------------------------------------------------------- project view
  function eventDetail(e) {
    const d = e.data || {};
    const money = (m) => (m ? [m.usd !== undefined ? `${fmtMoney(m.usd, 'USD')}` : null, `${fmtMoney(m.vnd, 'VND')}`].filter(Boolean).join(' / ') : '');
    switch (e.type) {
      case 'CertificateIssued': return `${d.projectName} — ${money(d.registeredCapital)}`;
      case 'CapitalIncreased': return `#${d.adjustmentNo}: +${money(d.amount)} — ${d.reason || ''}`;
      case 'CapitalDecreased': return `#${d.adjustmentNo}: −${money(d.amount)} — ${d.reason || ''}`;
      case 'CertificateAdjusted': return `#${d.adjustmentNo}: ${Object.keys(d.changes || {}).join(', ')} — ${d.reason || ''}`;
      case 'CapitalRealized': return `${d.period}: ${money(d.amount)}`;
      case 'ProjectTerminated': case 'ProjectSuspended': return d.ground || '';
      case 'EventCorrected': return `→ v${d.correctsVersion}: ${d.reason || ''}`;
      default: return '';
    }
  }
  const effectiveOf = (e) => (e.data && (e.data.effectiveOn || e.data.issuedOn || e.data.period)) || '';
  async function openProject(code, quiet) {
    const asOf = $('project-asof').value || state.to;
    state.project = { code };
    $('project-panel').hidden = false;
    $('project-title').textContent = code;
    $('project-asof').value = asOf;
    $('project-message').textContent = quiet ? $('project-message').textContent : t('loading');
    $('project-message').classList.remove('error');
    const certificate = $('project-certificate');
    const timeline = $('project-timeline').querySelector('tbody');
    try {
      const [p, history] = await Promise.all([
        api(`/projects/${encodeURIComponent(code)}`, { asOf }).catch((error) => {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }),
        api(`/projects/${encodeURIComponent(code)}/events`),
      ]);
      $('project-message').textContent = p ? '' : t('projectMissing');
      const ref = state.reference || { boards: [], zones: [] };
      certificate.innerHTML = p
        ? [
            ['pName', p.projectName],
            ['pInvestors', (p.investors || []).map((i) => `${i.name} (${i.country})`).join('; ')],
            ['pBoard', unitName(byId(ref.boards, p.boardId)) || p.boardId],
            ['pZone', unitName(byId(ref.zones, p.zoneId)) || p.zoneId],
            ['pIssued', fmtDate(p.issuedOn)],
            ['pCapital', [p.registeredCapital.usd !== undefined ? fmtMoney(p.registeredCapital.usd, 'USD') : null, fmtMoney(p.registeredCapital.vnd, 'VND')].filter(Boolean).join(' / ')],
            ['pRealized', [p.realizedCapital.usd !== undefined ? fmtMoney(p.realizedCapital.usd, 'USD') : null, fmtMoney(p.realizedCapital.vnd, 'VND')].filter(Boolean).join(' / ')],
            ['pStatus', `${t(p.status)}${p.suspended ? ` (${t('suspended')})` : ''}${p.terminatedOn ? ` — ${fmtDate(p.terminatedOn)}` : ''}`],
            ['pAdj', String(p.adjustmentNo)],
            ['pObjectives', p.objectives || ''],
          ].map(([k, v]) => `<dt>${esc(t(k))}</dt><dd data-field="${k}">${esc(v)}</dd>`).join('')
        : '';
      timeline.innerHTML = history.events.map((e) => `<tr data-type="${esc(e.type)}">
          <td>${e.streamVersion}</td><td>${esc(t(e.type))}</td><td>${esc(fmtDate(/^\d{4}-\d\d-\d\d$/.test(effectiveOf(e)) ? effectiveOf(e) : '') || effectiveOf(e))}</td>
          <td>${esc(eventDetail(e))}</td><td>${esc(`${e.metadata.actorName || e.metadata.actor} (${e.metadata.role})`)}</td><td>${esc(fmtTime(e.recordedAt))}</td><td>${esc(e.metadata.decisionRef || e.data.decisionRef || '')}</td></tr>`).join('');
    } catch (error) {
      certificate.innerHTML = '';
      timeline.innerHTML = '';
      $('project-message').classList.add('error');
      $('project-message').textContent = error instanceof ApiError && error.status === 403 ? t('projectForbidden').replace('{role}', state.role || '?') : t('error') + error.message;
    }
  }

  // ---------------------------------------------------------------- narrative
  async function copyNarrative() {
    $('copy-status').textContent = t('loading');
    try {
      const text = await api('/reports/narrative', filters({ from: state.from, to: state.to, lang: state.lang, format: 'text' }), 'text');
      const pre = $('narrative-text');
      pre.textContent = text.trim();
      pre.hidden = false;
      try {
        await navigator.clipboard.writeText(text.trim());
        $('copy-status').textContent = t('copied');
      } catch {
        $('copy-status').textContent = t('copyManual');
      }
    } catch (error) {
      $('copy-status').textContent = t('error') + error.message;
    }
  }

  // ---------------------------------------------------------------- live refresh
  async function poll() {
    try {
      const response = await fetch('/health', { cache: 'no-store' });
      const body = await response.json();
      const head = ((body.details || body.info || {}).eventStore || {}).headPosition;
      $('live').classList.toggle('stale', !response.ok);
      if (head !== undefined && head !== state.head) {
        const first = state.head === null;
        state.head = head;
        if (!first) await refresh();
      }
    } catch {
      $('live').classList.add('stale');
    }
  }

  // ---------------------------------------------------------------- labels and events
  function applyLabels() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n)));
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder)));
    document.querySelectorAll('[data-i18n-title]').forEach((el) => (el.title = t(el.dataset.i18nTitle)));
    $('live').textContent = t('live');
    $('lang-toggle').textContent = state.lang === 'vi' ? 'EN' : 'VI';
    document.title = `${t('title')} — Dashboard`;
  }
  function rerender() {
    applyLabels();
    renderFilterLists();
    renderTiles();
    renderCharts();
    renderRegister();
    if (state.project) openProject(state.project.code, true);
  }
  function bind() {
    $('f-from').value = state.from;
    $('f-to').value = state.to;
    $('f-origin').value = state.origin;
    $('f-interval').value = state.interval;
    $('f-units').value = state.units;
    const onFilter = () => {
      state.from = $('f-from').value || state.from;
      state.to = $('f-to').value || state.to;
      state.regionId = $('f-region').value;
      state.boardId = $('f-board').value;
      state.zoneId = $('f-zone').value;
      state.origin = $('f-origin').value;
      state.interval = $('f-interval').value;
      state.units = $('f-units').value;
      state.register.page = 1;
      renderFilterLists();
      refresh();
    };
    ['f-from', 'f-to', 'f-region', 'f-board', 'f-zone', 'f-origin', 'f-interval', 'f-units'].forEach((id) => $(id).addEventListener('change', onFilter));
    $('chart-origin').addEventListener('change', () => { state.chartOrigin = $('chart-origin').value; refresh(); });
    $('lang-toggle').addEventListener('click', () => {
      state.lang = state.lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem('ledger-lang', state.lang);
      rerender();
    });
    $('token-save').addEventListener('click', () => {
      state.token = $('token-input').value.trim();
      state.role = roleOf(state.token);
      sessionStorage.setItem('ledger-token', state.token);
      $('token-panel').hidden = true;
      $('token-input').value = '';
      refresh();
    });
    $('token-change').addEventListener('click', () => showTokenPanel(''));
    let searchTimer;
    $('register-search').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        state.register.q = $('register-search').value.trim();
        state.register.page = 1;
        loadRegister().catch((e) => setStatus(t('error') + e.message, true));
      }, 250);
    });
    document.querySelectorAll('#register-table th[data-sort]').forEach((th) => th.addEventListener('click', () => {
      const r = state.register;
      r.order = r.sort === th.dataset.sort && r.order === 'asc' ? 'desc' : 'asc';
      r.sort = th.dataset.sort;
      r.page = 1;
      loadRegister().catch((e) => setStatus(t('error') + e.message, true));
    }));
    $('page-prev').addEventListener('click', () => { state.register.page -= 1; loadRegister(); });
    $('page-next').addEventListener('click', () => { state.register.page += 1; loadRegister(); });
    $('register-table').addEventListener('click', (event) => {
      const link = event.target.closest('[data-open]');
      if (link) { $('project-asof').value = state.to; openProject(link.dataset.open); }
    });
    $('project-asof').addEventListener('change', () => state.project && openProject(state.project.code));
    $('project-close').addEventListener('click', () => { state.project = null; $('project-panel').hidden = true; });
    $('copy-narrative').addEventListener('click', copyNarrative);
  }

  async function start() {
    applyLabels();
    bind();
    await startSignIn();
    try {
      state.reference = await (await fetch('/dashboard/reference.json')).json();
    } catch {
      state.reference = { regions: [], provinces: [], boards: [], zones: [] };
    }
    renderFilterLists();
    await poll(); // learn the head position first, so reports wait for it
    await refresh();
    setInterval(poll, state.pollMs);
  }
  start();
})();
