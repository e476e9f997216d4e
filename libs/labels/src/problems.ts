import { fieldLabel } from './fields';
import type { Lang } from './lang';

type Params = Record<string, unknown>;
interface Message {
  title: string;
  /** The detail: `{name}` is replaced by params[name]; a date YYYY-MM-DD is shown as dd/mm/yyyy; the API passes a known board's or zone's name for its id ("Ban Quản lý …"). */
  detail: string;
}

/** Vietnamese wording of every stable problem code the API answers with. */
const VI: Record<string, Message> = {
  VALIDATION_FAILED: { title: 'Thông tin chưa hợp lệ', detail: 'Vui lòng kiểm tra các trường được đánh dấu.' },
  MALFORMED_JSON: { title: 'Dữ liệu gửi lên không đọc được', detail: 'Nội dung yêu cầu không phải JSON hợp lệ.' },
  PAYLOAD_TOO_LARGE: { title: 'Dữ liệu gửi lên quá lớn', detail: 'Nội dung yêu cầu vượt quá giới hạn cho phép.' },
  PROJECT_CODE_INVALID: { title: 'Mã số dự án không hợp lệ', detail: 'Mã số dự án gồm 10 chữ số, hoặc số giấy chứng nhận/giấy phép cũ (12 chữ số, dạng 123/GP).' },
  DATE_INVALID: { title: 'Ngày không hợp lệ', detail: 'Ngày phải là ngày có thật, dạng YYYY-MM-DD.' },
  AMOUNT_INVALID: { title: 'Số tiền không hợp lệ', detail: 'Số tiền phải là số thập phân viết dạng chuỗi (đồng: số nguyên; USD: tối đa 2 chữ số thập phân).' },
  PERIOD_INVALID: { title: 'Kỳ báo cáo không hợp lệ', detail: 'Kỳ báo cáo có dạng 2016, 2016-H1, 2016-Q3 hoặc 2016-07.' },
  PROJECT_NOT_FOUND: { title: 'Không tìm thấy dự án', detail: 'Chưa có Giấy chứng nhận đăng ký đầu tư nào được cấp với mã số dự án này.' },
  PROJECT_ALREADY_ISSUED: { title: 'Dự án đã được cấp', detail: 'Mã số dự án {projectCode} đã được cấp Giấy chứng nhận; không thể cấp lại.' },
  PROJECT_TERMINATED: { title: 'Dự án đã chấm dứt hoạt động', detail: 'Dự án đã chấm dứt hoạt động từ ngày {terminatedOn}; chỉ có thể ghi đính chính.' },
  AMOUNT_NOT_POSITIVE: { title: 'Số tiền phải lớn hơn 0', detail: '{field} phải lớn hơn 0.' },
  CAPITAL_WOULD_BE_NON_POSITIVE: { title: 'Vốn còn lại phải lớn hơn 0', detail: 'Số vốn giảm làm vốn đầu tư đăng ký bằng hoặc nhỏ hơn 0; muốn dừng dự án hãy ghi quyết định chấm dứt hoạt động.' },
  USD_REQUIRED_FOR_FDI: { title: 'Thiếu số tiền quy đổi USD', detail: 'Dự án FDI phải ghi số tiền tương đương bằng USD ({field}).' },
  USD_NOT_ALLOWED_FOR_DDI: { title: 'Dự án trong nước không ghi USD', detail: 'Dự án đầu tư trong nước (DDI) chỉ ghi số tiền bằng đồng ({field}).' },
  EXCHANGE_RATE_REQUIRED_FOR_FDI: { title: 'Thiếu tỷ giá', detail: 'Giấy chứng nhận của dự án FDI phải ghi tỷ giá quy đổi (VND/USD).' },
  EXCHANGE_RATE_MISMATCH: { title: 'Số tiền VND, USD và tỷ giá không khớp', detail: '{vnd} đồng theo tỷ giá {rate} VND/USD tương đương {expectedUsd} USD, không phải {usd} USD.' },
  FUTURE_DATED: { title: 'Ngày ở tương lai', detail: '{field} ({date}) sau ngày hôm nay ({today}).' },
  DATE_TOO_EARLY: { title: 'Ngày quá sớm', detail: '{field} ({date}) trước ngày ban hành Luật Đầu tư nước ngoài đầu tiên ({earliest}).' },
  EFFECTIVE_BEFORE_ISSUANCE: { title: 'Ngày trước ngày cấp', detail: '{field} ({date}) trước ngày cấp Giấy chứng nhận ({issuedOn}).' },
  EFFECTIVE_BEFORE_LAST_ACT: { title: 'Ngày trước một ghi nhận đã có', detail: '{field} ({date}) trước ngày hiệu lực của một ghi nhận đã có ({lastEffectiveOn}).' },
  PERIOD_NOT_STARTED: { title: 'Kỳ báo cáo chưa bắt đầu', detail: 'Kỳ báo cáo bắt đầu sau ngày báo cáo.' },
  NO_CHANGES: { title: 'Chưa có nội dung điều chỉnh', detail: 'Điều chỉnh phải thay đổi ít nhất một nội dung.' },
  ALREADY_SUSPENDED: { title: 'Dự án đang ngừng hoạt động', detail: 'Dự án đã ngừng hoạt động từ ngày {suspendedOn}.' },
  NOT_SUSPENDED: { title: 'Dự án không ngừng hoạt động', detail: 'Chỉ có thể ghi tiếp tục hoạt động cho dự án đang ngừng hoạt động.' },
  RESUME_BEFORE_SUSPENSION: { title: 'Ngày trước ngày ngừng hoạt động', detail: 'Ngày tiếp tục hoạt động trước ngày ngừng hoạt động.' },
  OPERATION_ALREADY_STARTED: { title: 'Dự án đã đi vào hoạt động', detail: 'Dự án đã được ghi nhận đi vào hoạt động từ ngày {operatingSince}; muốn sửa ngày hãy ghi đính chính.' },
  ZONE_UNKNOWN: { title: 'Không có khu công nghiệp này', detail: 'Khu {zoneId} không có trong danh mục khu công nghiệp, khu kinh tế.' },
  ZONE_NOT_IN_BOARD: { title: 'Khu không thuộc Ban Quản lý', detail: 'Ngày {date}, khu {zoneId} thuộc {zoneBoardId}, không thuộc {boardId}.' },
  BOARD_UNKNOWN: { title: 'Không có Ban Quản lý này', detail: 'Ban Quản lý {boardId} không có trong danh mục.' },
  BOARD_NOT_IN_FORCE: { title: 'Ban Quản lý chưa hoặc không còn tồn tại vào ngày đó', detail: '{boardId} tồn tại từ {validFrom}{validToText}, không tồn tại ngày {date}.' },
  CORRECTION_TARGET_INVALID: { title: 'Không thể đính chính ghi nhận này', detail: 'Ghi nhận được chọn không thể đính chính như vậy (chọn một ghi nhận của dự án; nêu nội dung đính chính hoặc hủy bỏ, không hủy bỏ việc cấp).' },
  OUTSIDE_JURISDICTION: { title: 'Ngoài thẩm quyền của Ban', detail: '{subject} do {boardId} quản lý; bạn thực hiện cho {ownBoardId}.' },
  BOARD_DISSOLVED: { title: 'Ban Quản lý của bạn không còn tồn tại', detail: '{ownBoardId} đã kết thúc ngày {validTo}; {subject} nay do {boardId} quản lý.' },
  ACTOR_BOARD_UNKNOWN: { title: 'Ban Quản lý của tài khoản không có trong danh mục', detail: 'Tài khoản của bạn gắn với một Ban Quản lý không có trong danh mục.' },
  VERSION_CONFLICT: { title: 'Dự án vừa được người khác thay đổi', detail: 'Dự án đã thay đổi trong lúc bạn nhập (phiên bản hiện tại {currentVersion}). Hãy tải lại, kiểm tra rồi ghi lại.' },
  IDEMPOTENCY_KEY_REUSED: { title: 'Yêu cầu trùng khóa nhưng khác nội dung', detail: 'Khóa chống ghi trùng (Idempotency-Key) này đã dùng cho một yêu cầu có nội dung khác.' },
  UNAUTHENTICATED: { title: 'Cần đăng nhập', detail: 'Vui lòng đăng nhập để tiếp tục.' },
  INVALID_TOKEN: { title: 'Phiên đăng nhập không hợp lệ', detail: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; vui lòng đăng nhập lại.' },
  ROLE_NOT_ALLOWED: { title: 'Không có quyền', detail: 'Vai trò của bạn không được thực hiện thao tác này.' },
  NOT_FOUND: { title: 'Không tìm thấy', detail: 'Không tìm thấy địa chỉ được yêu cầu.' },
  ISSUER_UNREACHABLE: { title: 'Không kết nối được dịch vụ đăng nhập', detail: 'Tạm thời không kiểm tra được phiên đăng nhập; vui lòng thử lại sau giây lát.' },
  USER_UNKNOWN: { title: 'Tài khoản chưa được cấp quyền', detail: 'Tài khoản {sub} chưa có trong danh sách người dùng của sổ đăng ký; đề nghị quản trị cấp quyền.' },
  USER_REVOKED: { title: 'Quyền truy cập đã bị thu hồi', detail: 'Quyền của tài khoản {sub} đã bị thu hồi từ ngày {effectiveOn} ({reason}).' },
  USER_NOT_IN_FORCE: { title: 'Quyền truy cập chưa hoặc không còn hiệu lực', detail: 'Tài khoản {sub} không có quyền vào ngày {today}.' },
  USER_BOARD_ENDED: { title: 'Ban Quản lý của bạn không còn tồn tại', detail: '{boardId} đã kết thúc ngày {validTo}; cán bộ cần được cấp quyền cho {successorId}.' },
  USER_BOARD_NOT_STARTED: { title: 'Ban Quản lý của bạn chưa bắt đầu hoạt động', detail: '{boardId} hoạt động từ ngày {validFrom}; cán bộ của Ban bắt đầu thực hiện từ ngày đó.' },
  USER_NOT_FOUND: { title: 'Không tìm thấy người dùng', detail: 'Tài khoản {sub} chưa từng được cấp quyền trong sổ đăng ký.' },
  USER_REVOCATION_BACKDATED: { title: 'Không thu hồi quyền hồi tố', detail: 'Việc thu hồi có hiệu lực từ hôm nay ({today}) trở đi, không phải {effectiveOn}.' },
  USER_NOTHING_TO_REVOKE: { title: 'Không còn quyền để thu hồi', detail: 'Tài khoản {sub} không còn quyền nào từ ngày {effectiveOn}.' },
  READ_MODEL_BEHIND: { title: 'Số liệu đang được cập nhật', detail: 'Số liệu báo cáo đang được cập nhật; vui lòng thử lại sau giây lát.' },
  UNHEALTHY: { title: 'Hệ thống chưa sẵn sàng', detail: 'Một phần của hệ thống chưa sẵn sàng ({why}); vui lòng thử lại sau giây lát.' },
  TOO_MANY_REQUESTS: { title: 'Quá nhiều yêu cầu', detail: 'Vui lòng thử lại sau ít phút.' },
  INVALID_IF_MATCH: { title: 'Phiên bản không hợp lệ', detail: 'If-Match phải là số phiên bản của dự án, ví dụ "3".' },
  INVALID_IDEMPOTENCY_KEY: { title: 'Khóa chống ghi trùng không hợp lệ', detail: 'Idempotency-Key gồm 1–200 ký tự ASCII.' },
  INVALID_DRY_RUN: { title: 'Tham số xem trước không hợp lệ', detail: 'dryRun phải là true hoặc false.' },
  INTERNAL_ERROR: { title: 'Lỗi hệ thống', detail: 'Hệ thống chưa hoàn tất yêu cầu; không có gì được ghi nếu chưa nhận được vị trí ghi nhận.' },
  DOSSIER_ALREADY_RECEIVED: { title: 'Hồ sơ đã được tiếp nhận', detail: 'Hồ sơ có mã này đã được tiếp nhận trước đó; không tiếp nhận lại.' },
  DOSSIER_NOT_FOUND: { title: 'Không tìm thấy hồ sơ', detail: 'Chưa có hồ sơ nào được tiếp nhận với mã hồ sơ này.' },
  DOSSIER_ID_INVALID: { title: 'Mã hồ sơ không hợp lệ', detail: 'Mã hồ sơ gồm 1–64 chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.' },
  DOSSIER_CLOSED: { title: 'Hồ sơ đã kết thúc', detail: 'Hồ sơ đã được giải quyết hoặc chuyển đi; không ghi thêm bước xử lý.' },
  DOSSIER_ALREADY_RESOLVED: { title: 'Hồ sơ đã được giải quyết', detail: 'Hồ sơ đã có kết quả giải quyết; không ghi kết quả lần nữa.' },
  PROCEDURE_UNKNOWN: { title: 'Không có thủ tục này', detail: 'Mã thủ tục không có trong danh mục thủ tục hành chính (config/procedures.json).' },
  INSTANT_INVALID: { title: 'Thời điểm không hợp lệ', detail: 'Thời điểm phải ghi theo ISO 8601 có múi giờ, ví dụ 2025-01-15T09:30:00+07:00.' },
  DOSSIER_BEFORE_RECEIPT: { title: 'Thời điểm trước khi tiếp nhận hồ sơ', detail: 'Thời điểm của bước xử lý sớm hơn thời điểm tiếp nhận hồ sơ.' },
  DOSSIER_BEFORE_LAST_STEP: { title: 'Thời điểm trước bước xử lý trước', detail: 'Thời điểm của bước xử lý sớm hơn bước xử lý đã ghi gần nhất của hồ sơ.' },
  DOSSIER_AWAITING_SUPPLEMENT: { title: 'Hồ sơ đang chờ bổ sung', detail: 'Hồ sơ đang chờ nhà đầu tư bổ sung tài liệu; ghi bước này sau khi nhận tài liệu bổ sung.' },
  NO_SUPPLEMENT_REQUESTED: { title: 'Chưa yêu cầu bổ sung hồ sơ', detail: 'Hồ sơ không có yêu cầu bổ sung nào đang chờ.' },
  SUPPLEMENT_AFTER_DEADLINE: { title: 'Đã quá ngày hẹn trả kết quả', detail: 'Ngày hẹn trả kết quả đã qua; hãy ghi gia hạn kèm văn bản xin lỗi.' },
  APPROVAL_NEEDS_ACT: { title: 'Thiếu văn bản kết quả', detail: 'Kết quả chấp thuận phải liên kết với ghi nhận (Giấy chứng nhận, điều chỉnh…) trong sổ cái.' },
  REFUSAL_LINKS_ACTS: { title: 'Từ chối không kèm ghi nhận', detail: 'Văn bản từ chối không tạo ghi nhận nào trong sổ cái; chỉ kết quả chấp thuận mới liên kết ghi nhận.' },
  REASON_REQUIRED: { title: 'Thiếu lý do', detail: 'Phải ghi rõ lý do bằng văn bản.' },
  APOLOGY_REQUIRED: { title: 'Thiếu văn bản xin lỗi', detail: 'Gia hạn trả kết quả phải kèm văn bản xin lỗi gửi nhà đầu tư.' },
  ACT_NOT_FOUND: { title: 'Không tìm thấy ghi nhận', detail: 'Sổ cái không có ghi nhận ở dự án và phiên bản đã nêu.' },
  ACT_OF_OTHER_BOARD: { title: 'Ghi nhận của Ban Quản lý khác', detail: 'Ghi nhận được liên kết do Ban Quản lý khác ghi, không phải Ban Quản lý tiếp nhận hồ sơ.' },
  ACT_OF_OTHER_PROJECT: { title: 'Ghi nhận của dự án khác', detail: 'Các ghi nhận được liên kết không thuộc dự án của hồ sơ.' },
  ACT_OF_OTHER_DOSSIER: { title: 'Ghi nhận của hồ sơ khác', detail: 'Ghi nhận được liên kết đã thuộc về một hồ sơ khác.' },
  ACT_TYPE_NOT_OF_PROCEDURE: { title: 'Ghi nhận không thuộc thủ tục', detail: 'Loại ghi nhận được liên kết không phải kết quả của thủ tục này.' },
  APPOINTMENT_NOT_LATER: { title: 'Ngày hẹn mới không hợp lệ', detail: 'Ngày hẹn trả kết quả mới phải sau ngày hẹn hiện tại và không trước ngày ghi gia hạn.' },
  CALENDAR_YEAR_MISSING: { title: 'Thiếu lịch nghỉ lễ của năm', detail: 'Chưa có lịch ngày nghỉ, ngày làm bù của năm này (config) để tính hạn giải quyết.' },
  USER_SUB_INVALID: { title: 'Mã người dùng không hợp lệ', detail: 'Mã định danh (sub) của người dùng không hợp lệ.' },
  USER_NAME_REQUIRED: { title: 'Thiếu họ tên', detail: 'Phải ghi họ tên người dùng.' },
  USER_ROLE_INVALID: { title: 'Vai trò không hợp lệ', detail: 'Vai trò phải là officer, auditor, analyst hoặc admin.' },
  USER_BOARD_REQUIRED: { title: 'Thiếu Ban Quản lý', detail: 'Cán bộ thụ lý phải thuộc một Ban Quản lý.' },
  USER_BOARD_NOT_ALLOWED: { title: 'Vai trò này không thuộc Ban Quản lý', detail: 'Chỉ cán bộ thụ lý (officer) mới gắn với một Ban Quản lý.' },
  USER_VALIDITY_INVALID: { title: 'Thời hạn không hợp lệ', detail: 'Thời điểm hết hiệu lực phải sau thời điểm bắt đầu hiệu lực.' },
  FIGURE_NEGATIVE: { title: 'Số liệu âm', detail: 'Số lao động và các số liệu báo cáo không được âm.' },
  FOREIGN_EXCEEDS_EMPLOYEES: { title: 'Số lao động nước ngoài vượt tổng số', detail: 'Số lao động nước ngoài không được lớn hơn tổng số lao động.' },
  PERIOD_BEFORE_ISSUANCE: { title: 'Kỳ báo cáo trước ngày cấp', detail: 'Kỳ báo cáo kết thúc trước ngày cấp Giấy chứng nhận đăng ký đầu tư của dự án.' },
  PERIOD_NOT_ENDED: { title: 'Kỳ báo cáo chưa kết thúc', detail: 'Chỉ nộp báo cáo sau khi kỳ báo cáo kết thúc.' },
  PLAN_YEAR_INVALID: { title: 'Năm kế hoạch không hợp lệ', detail: 'Năm kế hoạch phải là năm có bốn chữ số.' },
  INDICATOR_UNKNOWN: { title: 'Không có chỉ tiêu này', detail: 'Kế hoạch của năm không đặt chỉ tiêu có mã này.' },
  EXCHANGE_RATE_MISSING: { title: 'Thiếu tỷ giá quy đổi', detail: 'Chưa có tỷ giá của kỳ cần quy đổi (config/exchange-rates.json).' },
  ZONE_ALREADY_ESTABLISHED: { title: 'Khu đã được thành lập', detail: 'Khu này đã có quyết định thành lập trong sổ cái.' },
  ZONE_STATUS_BACKWARDS: { title: 'Trạng thái khu không lùi lại', detail: 'Trạng thái khu chỉ chuyển tiếp: quy hoạch → đang xây dựng hạ tầng → đang hoạt động.' },
  LEASABLE_EXCEEDS_NATURAL: { title: 'Diện tích cho thuê vượt diện tích tự nhiên', detail: 'Diện tích đất công nghiệp có thể cho thuê không được lớn hơn diện tích tự nhiên của khu.' },
  FORMAT_NOT_SUPPORTED: { title: 'Định dạng không hỗ trợ', detail: 'Địa chỉ này không trả về định dạng đã yêu cầu (format).' },
  INVALID_AS_OF: { title: 'Ngày báo cáo không hợp lệ', detail: 'asOf phải là ngày có thật, dạng YYYY-MM-DD.' },
  INVALID_KNOWN_AT: { title: 'Thời điểm knownAt không hợp lệ', detail: 'knownAt phải là thời điểm ISO 8601, ví dụ 2017-01-15T00:00:00+07:00.' },
  INVALID_PERIOD: { title: 'Kỳ không hợp lệ', detail: 'Khoảng thời gian không hợp lệ: from không được sau to, và với báo cáo kế hoạch, to phải thuộc năm kế hoạch.' },
  IMPORT_FILE_MISSING: { title: 'Thiếu tệp sổ đăng ký', detail: 'Hãy gửi tệp Excel (.xlsx) làm nội dung yêu cầu, hoặc trong trường "file" của biểu mẫu.' },
  IMPORT_FILE_UNREADABLE: { title: 'Tệp không phải sổ Excel', detail: 'Tệp gửi lên không đọc được như một sổ Excel (.xlsx).' },
  IMPORT_HAS_ERRORS: { title: 'Sổ đăng ký còn lỗi', detail: 'Sổ đăng ký còn dòng lỗi; chưa ghi gì vào sổ cái — xem danh sách lỗi trong báo cáo kiểm tra.' },
  IMPORT_NEEDS_BATCH_STORE: { title: 'Không nhập được trên kho dữ liệu này', detail: 'Nhập sổ đăng ký ghi mọi dòng trong một giao dịch, việc mà kho SQLite làm được; hãy chạy kiểm tra thử, hoặc nhập bằng ledger-cli trên sổ cái SQLite.' },
  IMPORT_QUERY_INVALID: { title: 'Yêu cầu không hợp lệ', detail: 'Tham số của yêu cầu nhập sổ đăng ký không hợp lệ (boardId, dryRun, format, lang, layout).' },
  NARRATIVE_TEMPLATE_INVALID: { title: 'Mẫu lời văn báo cáo bị lỗi', detail: 'Tệp mẫu lời văn của báo cáo thiếu hoặc sai; hãy báo quản trị viên kiểm tra thư mục config/narrative.' },
};

/** Vietnamese for each class-validator rule, the field named by its label. */
const VI_RULES: Record<string, string> = {
  required: '{label}: bắt buộc phải nhập.',
  isString: '{label}: phải là chữ (chuỗi ký tự).',
  isLegalDate: '{label}: phải là ngày có thật, dạng YYYY-MM-DD.',
  isInt: '{label}: phải là số nguyên.',
  min: '{label}: nhỏ hơn giá trị cho phép.',
  max: '{label}: lớn hơn giá trị cho phép.',
  isIn: '{label}: không thuộc danh sách cho phép.',
  isLength: '{label}: không được để trống hoặc quá dài.',
  arrayMinSize: '{label}: cần ít nhất một mục.',
  arrayMaxSize: '{label}: quá nhiều mục.',
  isArray: '{label}: phải là danh sách.',
  isBoolean: '{label}: phải là có/không.',
  isObject: '{label}: phải là một nhóm thông tin.',
  whitelistValidation: '{label}: trường này không được phép.',
  hasRateWhenFdi: '{label}: dự án FDI phải ghi tỷ giá (VND/USD) như in trên Giấy chứng nhận.',
  matches: '{label}: không đúng định dạng{hint}.',
};

/** What a well-formed value looks like, for fields checked by pattern. */
const VI_HINTS: Record<string, string> = {
  vnd: ' (số nguyên đồng, ví dụ 1250000000)',
  usd: ' (tối đa 2 chữ số thập phân, ví dụ 400000.00)',
  exchangeRate: ' (ví dụ 23500)',
  registeredCapitalUsd: ' (tối đa 2 chữ số thập phân)',
  projectCode: ' (10 chữ số, hoặc số giấy phép cũ như 123/GP)',
  boardId: ' (mã Ban, ví dụ BQL-HN)',
  zoneId: ' (mã khu, ví dụ KCN-THANG-LONG)',
  country: ' (mã quốc gia 2 chữ cái, ví dụ KR)',
  landAreaM2: ' (số mét vuông, ví dụ 50000.5)',
};

const dmy = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('/') : value);

function fill(template: string, params: Params, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'validToText') return params.validTo ? ` đến ${String(dmy(params.validTo))}` : '';
    if (name === 'field' && typeof params.field === 'string') return fieldLabel(params.field, lang);
    const value = params[name];
    return value === undefined || value === '' ? whole.replace(/[{}]/g, '') : String(dmy(value));
  });
}

export interface FieldProblem {
  field: string;
  messages: string[];
  /** class-validator rule names (or `required`), so the message can be given in another language. */
  rules?: string[];
}

export interface LocalizableProblem {
  code: string;
  title: string;
  detail: string;
  errors?: FieldProblem[];
  params?: Params;
}

/** The problem in the asked language: English as built, Vietnamese from the catalogues; codes never change. */
export function localizeProblem<P extends LocalizableProblem>(problem: P, lang: Lang): P {
  const errors = problem.errors?.map((e) => ({ ...e, label: fieldLabel(e.field, lang), ...(lang === 'vi' ? { messages: (e.rules ?? []).map((r) => fieldRuleVi(e.field, r)) } : {}) }));
  if (lang !== 'vi') return errors ? { ...problem, errors } : problem;
  const vi = VI[problem.code];
  if (!vi) return errors ? { ...problem, errors } : problem;
  const detail = errors?.length ? errors.map((e) => e.messages.join(' ')).join(' ') : fill(vi.detail, { ...problem, ...problem.params }, lang);
  return { ...problem, title: vi.title, detail, ...(errors ? { errors } : {}) };
}

function fieldRuleVi(field: string, rule: string): string {
  const last = field.split('.').filter((k) => !/^\d+$/.test(k)).pop() ?? field;
  const template = VI_RULES[rule] ?? '{label}: không hợp lệ.';
  return template.replace('{label}', fieldLabel(field, 'vi')).replace('{hint}', VI_HINTS[last] ?? '');
}
