// Chart inputs with the source articles' figures, fixed here so layout snapshots do not move
// when datasets change (the registry's own charts are checked against the data elsewhere).
import { describeAdmission, describeBars, describeShares } from "../../src/lib/charts/describe.ts";
import type {
  BarChartInput,
  BarGroup,
  BulletChartInput,
  BulletRow,
  ShareChartInput,
  ShareGroup,
  TimelineChartInput,
  TimelineSeries,
} from "../../src/lib/charts/types.ts";
import { describeTimeline } from "../../src/lib/charts/timeline.ts";

const memberSeries = [
  { key: "chinh-thuc", label: "Chính thức" },
  { key: "du-bi", label: "Dự bị" },
];
const memberGroups: BarGroup[] = [
  {
    key: "all",
    bars: [
      { key: "lang-son", label: "Đảng bộ tỉnh Lạng Sơn (hết năm 2020)", value: 66024 },
      { key: "tuyen-hoa", label: "Đảng bộ huyện Tuyên Hóa", value: 6001 },
      {
        key: "khoi",
        label: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn",
        value: 3912,
        parts: [
          { key: "chinh-thuc", label: "Chính thức", value: 3618 },
          { key: "du-bi", label: "Dự bị", value: 294 },
        ],
      },
    ],
  },
];
export const memberCounts: BarChartInput = {
  id: "so-dang-vien",
  title: "Số đảng viên theo đảng bộ",
  description: describeBars(memberGroups, "đảng viên", memberSeries),
  groups: memberGroups,
  unit: "đảng viên",
  series: memberSeries,
  totalLabel: "Tổng số (nguồn không tách)",
};

const structureGroups: BarGroup[] = [
  {
    key: "xa",
    label: "241 chi bộ trực thuộc đảng ủy các xã, thị trấn",
    bars: [
      { key: "thon", label: "Chi bộ thôn, bản, tiểu khu", value: 130 },
      { key: "truong", label: "Chi bộ trường học", value: 67 },
      { key: "cong-an", label: "Chi bộ công an xã, thị trấn", value: 19 },
      { key: "y-te", label: "Chi bộ trạm y tế", value: 19 },
      { key: "thuong-mai", label: "Chi bộ thương mại", value: 1 },
      { key: "khong-ro", label: "Không rõ (nguồn không nêu)", value: 5, unknown: true },
    ],
  },
];
export const structure: BarChartInput = {
  id: "co-cau-to-chuc",
  title: "Chi bộ trực thuộc đảng ủy xã, thị trấn ở Tuyên Hóa",
  description: describeBars(structureGroups, "chi bộ"),
  groups: structureGroups,
  unit: "chi bộ",
};

const badgeGroups: BarGroup[] = [
  {
    key: "thanh-binh",
    label: "Huyện Thanh Bình, năm 2022 (71 đồng chí)",
    bars: [30, 40, 45, 55, 60, 75].map((years, i) => ({
      key: String(years),
      label: `${years} năm tuổi Đảng`,
      value: [42, 19, 4, 2, 3, 1][i]!,
    })),
  },
];
export const badges: BarChartInput = {
  id: "huy-hieu",
  title: "Huy hiệu Đảng theo số năm tuổi Đảng",
  description: describeBars(badgeGroups, "đồng chí"),
  groups: badgeGroups,
  unit: "đồng chí",
};

const disciplineGroups: BarGroup[] = [
  {
    key: "ky-luat",
    label: "Thi hành kỷ luật 19 đảng viên (Khối các cơ quan tỉnh Lạng Sơn, 2014)",
    bars: [
      { key: "khien-trach", label: "Khiển trách", value: 16 },
      { key: "canh-cao", label: "Cảnh cáo", value: 2 },
      { key: "khai-tru", label: "Khai trừ ra khỏi Đảng", value: 1 },
    ],
  },
];
export const discipline: BarChartInput = {
  id: "ky-luat",
  title: "Kỷ luật đảng viên theo hình thức",
  description: describeBars(disciplineGroups, "đảng viên"),
  groups: disciplineGroups,
  unit: "đảng viên",
};

const admissionRows: BulletRow[] = [
  { key: "ls", label: "Đảng bộ tỉnh Lạng Sơn", year: 2020, count: 2053, percentOfTarget: 102 },
  {
    key: "tb",
    label: "Đảng bộ huyện Thanh Bình",
    year: 2022,
    count: 218,
    percentOfTarget: 100,
    targetWord: "kế hoạch",
  },
  { key: "khoi", label: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn", year: 2014, count: 246 },
];
export const admissions: BulletChartInput = {
  id: "ket-nap",
  title: "Kết nạp đảng viên so với chỉ tiêu",
  description: admissionRows.map((r) => describeAdmission(r)).join(" "),
  rows: admissionRows,
  unit: "đảng viên",
};

const xs = "Hoàn thành xuất sắc nhiệm vụ";
const tot = "Hoàn thành tốt nhiệm vụ";
const ratingGroups: ShareGroup[] = [
  {
    key: "tap-the",
    label: "Tập thể lãnh đạo, quản lý",
    total: 40,
    unit: "tập thể",
    parts: [
      { key: "xuat-sac", label: xs, count: 8, statedPercent: 20 },
      { key: "tot", label: tot, count: 32, statedPercent: 80 },
    ],
  },
  {
    key: "co-so",
    label: "Chi bộ, đảng bộ cơ sở",
    total: 30,
    parts: [
      { key: "xuat-sac", label: xs, count: 5, statedPercent: 16.7 },
      { key: "tot", label: tot, count: 25, statedPercent: 83.33 },
    ],
  },
  {
    key: "ca-nhan",
    label: "Cá nhân cán bộ lãnh đạo, quản lý",
    total: 140,
    unit: "cá nhân",
    parts: [
      { key: "xuat-sac", label: xs, count: 5, statedPercent: 3.6 },
      { key: "tot", label: tot, count: 135, statedPercent: 96.4 },
    ],
  },
];
export const ratings: ShareChartInput = {
  id: "xep-loai",
  title: "Xếp loại chất lượng năm 2022 ở Thanh Bình",
  description: describeShares(ratingGroups, "tổ chức"),
  groups: ratingGroups,
  unit: "tổ chức",
};

/** A group whose parts fall short of its total, to show the hatched remainder. */
export const ratingsWithGap: ShareChartInput = {
  id: "xep-loai-thieu",
  title: "Nhóm có phần không rõ",
  description: "Kiểm thử phần còn lại không rõ.",
  unit: "tổ chức",
  groups: [
    {
      key: "g",
      label: 'Nhóm <thử> & "trích dẫn"',
      total: 10,
      parts: [{ key: "a", label: "Loại A", count: 6 }],
    },
  ],
};

// The invented figures of tests/fixtures/growing (never published): no real unit has history yet.
const historySeries: TimelineSeries[] = [
  {
    key: "thu-nghiem",
    label: "Đảng bộ huyện Thử Nghiệm",
    points: [
      {
        key: "tn-2019",
        label: "Năm 2019",
        tick: "2019",
        value: 5100,
        source: "bài “Bài thử nghiệm thứ nhất”",
        at: Date.UTC(2019, 11, 30, 17),
      },
      {
        key: "tn-2021",
        label: "Hết năm 2021",
        tick: "hết 2021",
        value: 5350,
        source: "bài “Bài thử nghiệm thứ nhất”",
        at: Date.UTC(2021, 11, 30, 17),
      },
      {
        key: "tn-2023",
        label: "Năm 2023",
        tick: "2023",
        value: 5612,
        source: "bài “Bài thử nghiệm thứ hai”",
        at: Date.UTC(2023, 11, 30, 17),
      },
    ],
    undated: [
      {
        key: "tn-khong-ghi",
        label: "Không ghi thời điểm",
        article: "bài “Bài thử nghiệm thứ nhất”",
        value: 5000,
        qualifier: "khoảng",
      },
    ],
  },
];

export const memberHistory: TimelineChartInput = {
  id: "member-history",
  title: "Số đảng viên theo thời gian",
  description: describeTimeline(historySeries, "đảng viên"),
  series: historySeries,
  unit: "đảng viên",
};
