import type { Labelled, Lang } from './lang';

/** Event types as a person reads them in a project's timeline. */
export const EVENT_LABELS: Record<string, Labelled> = {
  CertificateIssued: { vi: 'Cấp Giấy chứng nhận đăng ký đầu tư', en: 'Certificate issued' },
  CapitalIncreased: { vi: 'Điều chỉnh tăng vốn đầu tư', en: 'Capital increased' },
  CapitalDecreased: { vi: 'Điều chỉnh giảm vốn đầu tư', en: 'Capital decreased' },
  CertificateAdjusted: { vi: 'Điều chỉnh nội dung dự án', en: 'Certificate adjusted' },
  CapitalRealized: { vi: 'Báo cáo vốn thực hiện', en: 'Capital realized' },
  ProjectSuspended: { vi: 'Ngừng hoạt động dự án', en: 'Project suspended' },
  ProjectResumed: { vi: 'Tiếp tục hoạt động dự án', en: 'Project resumed' },
  OperationStarted: { vi: 'Dự án đi vào hoạt động', en: 'Operation started' },
  ProjectTerminated: { vi: 'Chấm dứt hoạt động dự án', en: 'Project terminated' },
  EventCorrected: { vi: 'Đính chính ghi nhận', en: 'Record corrected' },
};

/** Termination grounds, Law on Investment 2020 art. 48 (and the 2014 law for imported records). */
export const TERMINATION_GROUND_LABELS: Record<string, Labelled> = {
  INVESTOR_DECISION: { vi: 'Nhà đầu tư quyết định chấm dứt (Điều 48.1.a)', en: 'Investor’s decision (art. 48(1)(a))' },
  CHARTER_OR_CONTRACT: { vi: 'Theo điều kiện trong hợp đồng, điều lệ doanh nghiệp (Điều 48.1.b)', en: 'Conditions of the contract or charter (art. 48(1)(b))' },
  DURATION_EXPIRED: { vi: 'Hết thời hạn hoạt động của dự án (Điều 48.1.c)', en: 'Project duration expired (art. 48(1)(c))' },
  SUSPENSION_UNRESOLVED: { vi: 'Không khắc phục được sau khi ngừng hoạt động (Điều 48.2.a)', en: 'Not remedied after suspension (art. 48(2)(a))' },
  LOCATION_LOST: { vi: 'Không được tiếp tục sử dụng địa điểm đầu tư (Điều 48.2.b)', en: 'Investment location lost (art. 48(2)(b))' },
  UNCONTACTABLE_12M: { vi: 'Ngừng hoạt động, không liên lạc được quá 12 tháng (Điều 48.2.c)', en: 'Inactive and uncontactable for 12 months (art. 48(2)(c))' },
  LAND_RECOVERED: { vi: 'Bị thu hồi đất do không đưa đất vào sử dụng (Điều 48.2.d)', en: 'Land recovered for non-use (art. 48(2)(d))' },
  NO_DEPOSIT: { vi: 'Không ký quỹ hoặc không bảo đảm nghĩa vụ (Điều 48.2.đ)', en: 'No deposit or guarantee (art. 48(2)(đ))' },
  SHAM_TRANSACTION: { vi: 'Giao dịch dân sự giả tạo (Điều 48.2.e)', en: 'Sham civil transaction (art. 48(2)(e))' },
  COURT_ARBITRATION: { vi: 'Theo bản án, quyết định của Tòa án, Trọng tài (Điều 48.2.g)', en: 'Court or arbitration ruling (art. 48(2)(g))' },
  LEGACY_BEHIND_SCHEDULE: { vi: 'Chậm tiến độ theo Luật Đầu tư 2014 (hồ sơ chuyển đổi)', en: 'Behind schedule under the 2014 law (imported record)' },
};

/** Suspension grounds, Law on Investment 2020 art. 47. */
export const SUSPENSION_GROUND_LABELS: Record<string, Labelled> = {
  INVESTOR_DECISION: { vi: 'Nhà đầu tư tạm ngừng, ngừng hoạt động (Điều 47.1)', en: 'Investor’s own suspension (art. 47(1))' },
  HERITAGE_PROTECTION: { vi: 'Để bảo vệ di tích, di vật, cổ vật (Điều 47.2.a)', en: 'Protection of heritage (art. 47(2)(a))' },
  ENVIRONMENTAL_VIOLATION: { vi: 'Khắc phục vi phạm về môi trường (Điều 47.2.b)', en: 'Remedying an environmental violation (art. 47(2)(b))' },
  LABOUR_SAFETY: { vi: 'Bảo đảm an toàn lao động (Điều 47.2.c)', en: 'Labour safety (art. 47(2)(c))' },
  COURT_ARBITRATION: { vi: 'Theo bản án, quyết định của Tòa án, Trọng tài (Điều 47.2.d)', en: 'Court or arbitration ruling (art. 47(2)(d))' },
  REPEATED_VIOLATION: { vi: 'Vi phạm nhiều lần sau khi đã bị xử phạt (Điều 47.2.đ)', en: 'Repeated violations (art. 47(2)(đ))' },
  NATIONAL_DEFENCE_SECURITY: { vi: 'Vì quốc phòng, an ninh — quyết định của Thủ tướng (Điều 47.3)', en: 'National defence or security (art. 47(3))' },
};

export const ORIGIN_LABELS: Record<string, Labelled> = {
  FDI: { vi: 'Dự án có vốn đầu tư nước ngoài (FDI)', en: 'Foreign-invested (FDI)' },
  DDI: { vi: 'Dự án đầu tư trong nước (DDI)', en: 'Domestic (DDI)' },
};

/** The API's roles (JWT `role`), as people sign in as them. */
export const ROLE_LABELS: Record<string, Labelled> = {
  officer: { vi: 'Cán bộ cấp phép', en: 'Licensing officer' },
  auditor: { vi: 'Kiểm toán viên', en: 'Auditor' },
  analyst: { vi: 'Chuyên viên phân tích', en: 'Analyst' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

export const STATUS_LABELS: Record<string, Labelled> = {
  VALID: { vi: 'Còn hiệu lực', en: 'Valid' },
  TERMINATED: { vi: 'Đã chấm dứt', en: 'Terminated' },
  SUSPENDED: { vi: 'Đang ngừng hoạt động', en: 'Suspended' },
};

/** A label, or the code itself where none is known (never an empty string). */
export const labelOf = (table: Record<string, Labelled>, code: string, lang: Lang): string => table[code]?.[lang] ?? code;
