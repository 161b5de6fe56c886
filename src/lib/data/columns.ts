// Column builders: a zod schema plus metadata (kind, Vietnamese title and description) that drives
// cell parsing, the checker and the column reference on the site and in data/README.md.
import { z } from "zod";

export type ColumnKind =
  | "id"
  | "ref"
  | "text"
  | "choice"
  | "count"
  | "decimal"
  | "percent"
  | "flag"
  | "period"
  | "period-kind"
  | "source";

export type ColumnMeta = {
  kind: ColumnKind;
  /** Short Vietnamese name for table headers. */
  title: string;
  /** What the column holds, in Vietnamese, for staff and readers. */
  description: string;
  required: boolean;
  /** Allowed values and their Vietnamese labels (choice columns). */
  labels?: Record<string, string>;
  /** Numbers that must appear in the row's quote when the row is not derived (default true). */
  inQuote?: boolean;
};

function withMeta<T extends z.ZodType>(schema: T, meta: ColumnMeta) {
  return schema.meta(meta as unknown as Record<string, unknown>);
}

export function columnMeta(schema: z.ZodType): ColumnMeta {
  const meta = schema.meta() as ColumnMeta | undefined;
  if (!meta?.kind) throw new Error("column without metadata");
  return meta;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// validate.ts checks ids with ID_PATTERN alone (a fast path): keep this schema exactly that.
export function idColumn(description: string) {
  return withMeta(z.string().regex(ID_PATTERN), {
    kind: "id",
    title: "Mã dòng",
    description,
    required: true,
  });
}

export function refColumn(title: string, description: string) {
  return withMeta(z.string().regex(ID_PATTERN).optional(), {
    kind: "ref",
    title,
    description,
    required: false,
  });
}

export function requiredText(title: string, description: string) {
  return withMeta(z.string().min(1), { kind: "text", title, description, required: true });
}

export function optionalText(title: string, description: string) {
  return withMeta(z.string().min(1).optional(), {
    kind: "text",
    title,
    description,
    required: false,
  });
}

export function choiceColumn<const T extends Record<string, string>>(
  title: string,
  description: string,
  labels: T,
) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return withMeta(z.enum(keys), { kind: "choice", title, description, labels, required: true });
}

export function optionalChoiceColumn<const T extends Record<string, string>>(
  title: string,
  description: string,
  labels: T,
) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return withMeta(z.enum(keys).optional(), {
    kind: "choice",
    title,
    description,
    labels,
    required: false,
  });
}

export function countColumn(title: string, description: string, opt: { inQuote?: boolean } = {}) {
  return withMeta(z.number().int().min(0), {
    kind: "count",
    title,
    description,
    required: true,
    ...opt,
  });
}

export function optionalCountColumn(
  title: string,
  description: string,
  opt: { inQuote?: boolean } = {},
) {
  return withMeta(z.number().int().min(0).optional(), {
    kind: "count",
    title,
    description,
    required: false,
    ...opt,
  });
}

export function percentColumn(title: string, description: string, max?: number) {
  const base = max === undefined ? z.number().min(0) : z.number().min(0).max(max);
  return withMeta(base, { kind: "percent", title, description, required: true });
}

export function optionalPercentColumn(title: string, description: string) {
  return withMeta(z.number().min(0).optional(), {
    kind: "percent",
    title,
    description,
    required: false,
  });
}

export function flagColumn(title: string, description: string) {
  return withMeta(z.boolean(), { kind: "flag", title, description, required: false });
}

export const PERIOD_KINDS = {
  year: "Trong năm",
  end_of_year: "Đến hết năm",
  as_of_date: "Tại ngày",
  as_of_undated: "Hiện có (nguồn không ghi thời điểm)",
  as_reported: "Theo ngày đăng bài (nguồn không ghi thời điểm đo)",
} as const;

export type PeriodKind = keyof typeof PERIOD_KINDS;

/** Columns every dataset starts with: which row, whose figure, where, and when. */
export function leadingColumns() {
  return {
    id: idColumn(
      "Mã duy nhất của dòng trong tệp: chữ thường không dấu, số, dấu gạch nối (vd. th-dang-vien). Dùng để liên kết và để cột part_of trỏ tới.",
    ),
    unit: requiredText(
      "Đơn vị",
      "Tổ chức đảng báo cáo con số, như nguồn ghi (vd. Đảng bộ huyện Tuyên Hóa).",
    ),
    province: requiredText("Tỉnh", "Tỉnh của đơn vị (vd. Lạng Sơn)."),
    district: optionalText(
      "Huyện",
      "Huyện, thị xã, thành phố của đơn vị; để trống nếu đơn vị cấp tỉnh.",
    ),
    period: withMeta(
      z
        .string()
        .regex(/^\d{4}(?:-\d{2}-\d{2})?$/)
        .optional(),
      {
        kind: "period",
        title: "Kỳ",
        description:
          "Năm (vd. 2014) hoặc ngày yyyy-mm-dd, chỉ chính xác đến mức nguồn ghi; với as_reported là ngày đăng bài; để trống khi nguồn không ghi thời điểm.",
        required: false,
      },
    ),
    period_kind: withMeta(z.enum(Object.keys(PERIOD_KINDS) as [PeriodKind, ...PeriodKind[]]), {
      kind: "period-kind",
      title: "Loại kỳ",
      description:
        "year = số liệu trong năm; end_of_year = số có đến hết năm; as_of_date = số có tại ngày; as_of_undated = “hiện có”, nguồn không ghi thời điểm (cột period để trống); as_reported = “hiện có”, “đến nay”… trong bài có ngày đăng: cột period ghi ngày đăng bài yyyy-mm-dd, trang ghi “theo bài đăng ngày …”, không bao giờ là ngày đo.",
      labels: PERIOD_KINDS,
      required: true,
    }),
  };
}

/** Columns for totals and their parts: a part names its total's id and the breakdown it belongs to. */
export function partColumns() {
  return {
    part_of: refColumn(
      "Là phần của",
      "Mã (id) của dòng tổng mà dòng này là một phần. Tổng các phần không được vượt tổng.",
    ),
    split: optionalText(
      "Cách chia",
      "Tên cách chia tổng (vd. loại hình). Các phần cùng cách chia được cộng lại; nếu ít hơn tổng, phần thiếu được ghi rõ là “không rõ”. Để trống khi nguồn chỉ nêu “trong đó” một phần.",
    ),
  };
}

/** Columns every dataset ends with: provenance. */
export function trailingColumns() {
  return {
    derived: flagColumn(
      "Suy ra",
      "1 nếu con số được tính ra chứ không có sẵn trong nguồn (phải ghi cách tính ở cột note); 0 hoặc để trống nếu lấy nguyên từ nguồn.",
    ),
    source: withMeta(z.string().regex(ID_PATTERN), {
      kind: "source",
      title: "Bài nguồn",
      description:
        "Tên bài viết (slug) trong content/news/, ví dụ thanh-binh-xay-dung-dang-sat-voi-thuc-tien.",
      required: true,
    }),
    quote: optionalText(
      "Trích dẫn",
      "Đoạn nguyên văn của bài nguồn chứa con số, viết đúng như bài (vd. “6.001 đảng viên”). Bắt buộc trừ dòng suy ra.",
    ),
    note: optionalText("Ghi chú", "Giải thích thêm: thời điểm, điều nguồn không nêu, cách tính."),
  };
}
