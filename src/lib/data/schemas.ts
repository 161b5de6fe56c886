// One schema per dataset (data/<id>.csv). Column order in the schema is the order in the CSV files.
import { z } from "zod";
import {
  choiceColumn,
  countColumn,
  leadingColumns,
  optionalCountColumn,
  optionalPercentColumn,
  optionalText,
  partColumns,
  percentColumn,
  requiredText,
  trailingColumns,
} from "./columns.ts";
import { qualifierColumn } from "./qualifiers.ts";

/** The qualifier of a dataset's count, as the source writes it; older files may omit the column. */
function countQualifier() {
  return qualifierColumn(
    "count",
    "Nguồn viết “trên 300”, “khoảng 300”, “300 trở lên”… thì ghi đúng chữ đó (trên, hơn, trở lên, gần, chưa đến, dưới, khoảng, xấp xỉ); để trống nếu là số đúng. Có thể bỏ cả cột nếu tệp không có số nào như vậy.",
    { headerOptional: true },
  );
}

export const organisationSchema = z.object({
  ...leadingColumns(),
  level: choiceColumn("Cấp", "Tổ chức cơ sở đảng hay tổ chức đảng trực thuộc đảng ủy cơ sở.", {
    "co-so": "Tổ chức cơ sở đảng",
    "truc-thuoc-co-so": "Tổ chức đảng trực thuộc đảng ủy cơ sở",
  }),
  kind: requiredText("Loại tổ chức", "Loại tổ chức như nguồn gọi (vd. Chi bộ trường học)."),
  count: countColumn("Số tổ chức", "Số tổ chức đảng loại này."),
  qualifier: countQualifier(),
  ...partColumns(),
  ...trailingColumns(),
});

export const memberSchema = z.object({
  ...leadingColumns(),
  status: choiceColumn("Loại đảng viên", "Tổng số, hay đảng viên chính thức, dự bị.", {
    "tong-so": "Tổng số đảng viên",
    "chinh-thuc": "Đảng viên chính thức",
    "du-bi": "Đảng viên dự bị",
  }),
  count: countColumn("Số đảng viên", "Số đảng viên."),
  qualifier: countQualifier(),
  ...partColumns(),
  ...trailingColumns(),
});

export const admissionSchema = z.object({
  ...leadingColumns(),
  measure: choiceColumn(
    "Việc",
    "Kết nạp đảng viên mới, hay công nhận đảng viên dự bị thành chính thức.",
    {
      "ket-nap": "Kết nạp đảng viên mới",
      "cong-nhan-chinh-thuc": "Công nhận đảng viên chính thức",
    },
  ),
  count: countColumn("Số đảng viên", "Số đảng viên được kết nạp hoặc công nhận."),
  qualifier: countQualifier(),
  target: optionalCountColumn(
    "Chỉ tiêu",
    "Chỉ tiêu hoặc kế hoạch, chỉ khi nguồn ghi rõ con số; để trống nếu nguồn không nêu (không tự tính từ tỉ lệ).",
  ),
  percent_of_target: optionalPercentColumn(
    "Đạt % chỉ tiêu",
    "Tỉ lệ đạt so với chỉ tiêu/kế hoạch, đúng như nguồn ghi (vd. 102).",
  ),
  target_label: optionalText("So với", "Nguồn so với gì: “chỉ tiêu đề ra”, “kế hoạch đề ra”…"),
  ...trailingColumns(),
});

export const RATINGS = {
  "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ",
  "hoan-thanh-tot": "Hoàn thành tốt nhiệm vụ",
  "hoan-thanh": "Hoàn thành nhiệm vụ",
  "khong-hoan-thanh": "Không hoàn thành nhiệm vụ",
} as const;

export const ratingSchema = z.object({
  ...leadingColumns(),
  group: requiredText(
    "Nhóm được xếp loại",
    "Nhóm được đánh giá, xếp loại (vd. Tập thể lãnh đạo, quản lý).",
  ),
  rating: choiceColumn("Mức xếp loại", "Mức xếp loại chất lượng.", RATINGS),
  qualifier: qualifierColumn(
    "rating",
    "Nguồn viết “hoàn thành tốt nhiệm vụ trở lên” thì ghi “trở lên”: số đếm gồm mức này và các mức cao hơn, không phải đúng mức này. Để trống nếu nguồn nêu đúng một mức. Có thể bỏ cả cột nếu tệp không có dòng nào như vậy.",
    { title: "Mức xếp loại: phạm vi", headerOptional: true },
  ),
  count: countColumn("Số lượng", "Số tập thể/cá nhân của nhóm đạt mức này."),
  rated: countColumn("Số được xếp loại", "Tổng số của nhóm được xếp loại (vd. 40 trong “8/40”)."),
  percent: percentColumn(
    "Tỉ lệ (%)",
    "Tỉ lệ như nguồn ghi (vd. 16,7); phải khớp số lượng/số được xếp loại theo cách làm tròn của nguồn.",
    100,
  ),
  ...trailingColumns(),
});

export const badgeSchema = z.object({
  ...leadingColumns(),
  action: choiceColumn("Việc", "Nguồn nói “đề nghị tặng” hay “trao tặng”: giữ đúng như nguồn.", {
    "de-nghi-tang": "Đề nghị tặng",
    "trao-tang": "Trao tặng",
  }),
  years: optionalCountColumn(
    "Số năm tuổi đảng",
    "Loại huy hiệu theo số năm tuổi đảng (vd. 30); để trống ở dòng tổng.",
  ),
  count: countColumn("Số đồng chí", "Số đồng chí được tặng/đề nghị tặng."),
  qualifier: countQualifier(),
  ...partColumns(),
  ...trailingColumns(),
});

export const INSPECTION_ACTIVITIES = {
  "kiem-tra": "Kiểm tra",
  "giam-sat": "Giám sát",
  "don-thu": "Đơn thư",
  "ky-luat": "Thi hành kỷ luật",
  "goi-y-kiem-diem": "Gợi ý kiểm điểm",
} as const;

export const inspectionSchema = z.object({
  ...leadingColumns(),
  activity: choiceColumn(
    "Hoạt động",
    "Kiểm tra, giám sát, đơn thư, kỷ luật hay gợi ý kiểm điểm.",
    INSPECTION_ACTIVITIES,
  ),
  performed_by: optionalText(
    "Chủ thể",
    "Ai thực hiện, như nguồn ghi (vd. Cấp ủy cơ sở); trống nếu nguồn không nêu.",
  ),
  subject: requiredText("Đối tượng", "Cái được đếm (vd. Tổ chức đảng được giám sát, Khiển trách)."),
  count: countColumn("Số lượng", "Số tổ chức, đảng viên, đơn… được đếm."),
  qualifier: countQualifier(),
  ...partColumns(),
  ...trailingColumns(),
});

export { QUALIFIERS } from "./qualifiers.ts";

export const trainingSchema = z.object({
  ...leadingColumns(),
  activity: requiredText("Hoạt động", "Buổi tuyên truyền, lớp học… như nguồn ghi."),
  sessions: countColumn("Số buổi/lớp", "Số buổi hoặc số lớp."),
  session_unit: choiceColumn("Đơn vị tính", "buổi hoặc lớp.", { buổi: "buổi", lớp: "lớp" }),
  participants: optionalCountColumn("Số người", "Số người học/nghe; để trống nếu nguồn không nêu."),
  participants_qualifier: qualifierColumn(
    "participants",
    "Nguồn viết “trên 17.985” thì ghi “trên”; để trống nếu là số đúng.",
  ),
  audience: requiredText("Đối tượng", "Ai học/nghe (vd. quần chúng ưu tú, lượt người nghe)."),
  ...trailingColumns(),
});

export const awardSchema = z.object({
  ...leadingColumns(),
  awarded_by: requiredText("Cấp khen", "Ai biểu dương, khen thưởng (vd. BTV Huyện ủy Thanh Bình)."),
  recipient: choiceColumn("Được khen", "Tập thể hay cá nhân.", {
    "tap-the": "Tập thể",
    "ca-nhan": "Cá nhân",
  }),
  count: countColumn("Số lượng", "Số tập thể hoặc cá nhân được khen."),
  occasion: requiredText("Dịp", "Dịp, phong trào thi đua."),
  ...trailingColumns(),
});

export const organisationalWorkSchema = z.object({
  ...leadingColumns(),
  activity: requiredText("Công việc", "Việc đã làm, như nguồn ghi."),
  count: countColumn("Số lượng", "Số lượng đã làm."),
  total: optionalCountColumn(
    "Trên tổng số",
    "Tổng số khi nguồn ghi dạng “213/213”; để trống nếu không có.",
  ),
  object: requiredText("Đơn vị tính", "Cái được đếm (vd. chi bộ, trường hợp, đồng chí)."),
  ...trailingColumns(),
});

export const targetSchema = z.object({
  ...leadingColumns(),
  target: requiredText("Chỉ tiêu", "Nội dung chỉ tiêu, mục tiêu phấn đấu."),
  percent: percentColumn("Tỉ lệ (%)", "Tỉ lệ đặt ra, như nguồn ghi."),
  qualifier: qualifierColumn(
    "percent",
    "“trên” hoặc “trở lên” như nguồn ghi; trống nếu là số đúng.",
  ),
  ...trailingColumns(),
});

export const ORIGINAL_SITE_METRICS = {
  "poll-participants": "Người đã tham gia bình chọn",
  online: "Đang truy cập (Online)",
  today: "Lượt truy cập hôm nay",
  total: "Tổng lượt truy cập",
} as const;

export const originalSiteSchema = z.object({
  ...leadingColumns(),
  widget: choiceColumn("Khung", "Khung trên trang gốc.", {
    "binh-chon": "Bình chọn",
    "truy-cap": "Thống kê truy cập",
  }),
  metric: choiceColumn("Chỉ số", "Chỉ số của khung.", ORIGINAL_SITE_METRICS),
  label: requiredText("Nhãn", "Nhãn như trang gốc ghi."),
  count: countColumn("Số", "Con số trang gốc hiển thị."),
  ...trailingColumns(),
});

export type OrganisationRow = z.infer<typeof organisationSchema>;
export type MemberRow = z.infer<typeof memberSchema>;
export type AdmissionRow = z.infer<typeof admissionSchema>;
export type RatingRow = z.infer<typeof ratingSchema>;
export type BadgeRow = z.infer<typeof badgeSchema>;
export type InspectionRow = z.infer<typeof inspectionSchema>;
export type TrainingRow = z.infer<typeof trainingSchema>;
export type AwardRow = z.infer<typeof awardSchema>;
export type OrganisationalWorkRow = z.infer<typeof organisationalWorkSchema>;
export type TargetRow = z.infer<typeof targetSchema>;
export type OriginalSiteRow = z.infer<typeof originalSiteSchema>;
