// The registry of datasets: file name (= URL segment), what each measures, and its schema.
import type { z } from "zod";
import {
  admissionSchema,
  awardSchema,
  badgeSchema,
  inspectionSchema,
  memberSchema,
  organisationalWorkSchema,
  organisationSchema,
  originalSiteSchema,
  ratingSchema,
  targetSchema,
  trainingSchema,
} from "./schemas.ts";

export type DatasetDefinition = {
  /** Vietnamese title shown on the site. */
  title: string;
  /** What the dataset measures, one or two Vietnamese sentences. */
  description: string;
  schema: z.ZodObject;
  /** Column that names what a row counts (row header in tables, label in charts). */
  labelColumn: string;
};

export const DATASETS = {
  "to-chuc-dang": {
    title: "Tổ chức đảng theo loại hình",
    description:
      "Số tổ chức cơ sở đảng (đảng bộ, chi bộ cơ sở) và số tổ chức đảng trực thuộc đảng ủy cơ sở, chia theo loại hình như nguồn nêu. Khi các phần cộng lại ít hơn tổng, phần chênh được ghi là “không rõ”.",
    schema: organisationSchema,
    labelColumn: "kind",
  },
  "dang-vien": {
    title: "Đảng viên",
    description:
      "Tổng số đảng viên của đơn vị và, khi nguồn nêu, số đảng viên chính thức và dự bị.",
    schema: memberSchema,
    labelColumn: "status",
  },
  "ket-nap": {
    title: "Kết nạp và công nhận đảng viên chính thức",
    description:
      "Số đảng viên mới được kết nạp trong năm, tỉ lệ đạt so với chỉ tiêu/kế hoạch đúng như nguồn ghi (nguồn không nêu số chỉ tiêu thì để trống), và số đảng viên dự bị được công nhận chính thức.",
    schema: admissionSchema,
    labelColumn: "measure",
  },
  "xep-loai": {
    title: "Đánh giá, xếp loại chất lượng",
    description:
      "Kết quả đánh giá, xếp loại chất lượng theo từng nhóm được xếp loại: số lượng và tỉ lệ ở mỗi mức, trên tổng số được xếp loại.",
    schema: ratingSchema,
    labelColumn: "rating",
  },
  "huy-hieu": {
    title: "Huy hiệu Đảng",
    description:
      "Số đồng chí được trao tặng hoặc đề nghị tặng Huy hiệu Đảng, theo số năm tuổi đảng.",
    schema: badgeSchema,
    labelColumn: "years",
  },
  "kiem-tra-giam-sat": {
    title: "Kiểm tra, giám sát, đơn thư và kỷ luật",
    description:
      "Số tổ chức đảng và đảng viên được kiểm tra, giám sát; đơn thư tiếp nhận và cách xử lý; đảng viên bị kỷ luật theo hình thức; tập thể, cá nhân được gợi ý kiểm điểm.",
    schema: inspectionSchema,
    labelColumn: "subject",
  },
  "giao-duc-dao-tao": {
    title: "Giáo dục chính trị, bồi dưỡng",
    description:
      "Số buổi tuyên truyền, lớp học lý luận chính trị, bồi dưỡng nghiệp vụ và số người tham dự.",
    schema: trainingSchema,
    labelColumn: "activity",
  },
  "thi-dua-khen-thuong": {
    title: "Thi đua, khen thưởng",
    description: "Số tập thể, cá nhân được biểu dương, khen thưởng, theo cấp khen và dịp.",
    schema: awardSchema,
    labelColumn: "recipient",
  },
  "cong-tac-to-chuc": {
    title: "Công tác tổ chức, đảng vụ khác",
    description:
      "Các việc khác của công tác tổ chức xây dựng Đảng có con số: kiện toàn cấp ủy, chuyển sinh hoạt đảng, phát thẻ đảng viên, đại hội chi bộ, giao ước thi đua, đoàn công tác.",
    schema: organisationalWorkSchema,
    labelColumn: "activity",
  },
  "chi-tieu": {
    title: "Chỉ tiêu, mục tiêu đề ra",
    description:
      "Các chỉ tiêu phần trăm đơn vị đặt ra cho năm sau, giữ nguyên mức “trên”, “trở lên” như nguồn.",
    schema: targetSchema,
    labelColumn: "target",
  },
  "trang-goc": {
    title: "Bình chọn và thống kê truy cập trên trang gốc",
    description:
      "Các con số khung “Bình chọn” và “Thống kê truy cập” của trang gốc (Huyện ủy Tuyên Hóa) hiển thị khi bài được lưu lại; là mốc ban đầu cho bình chọn và bộ đếm của cổng này.",
    schema: originalSiteSchema,
    labelColumn: "label",
  },
} as const satisfies Record<string, DatasetDefinition>;

export type DatasetId = keyof typeof DATASETS;
export type RowOf<K extends DatasetId> = z.infer<(typeof DATASETS)[K]["schema"]>;

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];

export function isDatasetId(value: string): value is DatasetId {
  return Object.hasOwn(DATASETS, value);
}
