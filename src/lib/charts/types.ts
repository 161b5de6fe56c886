// Plain inputs of the chart layouts; adapters turn dataset rows into these.

export type BarPart = { key: string; label: string; value: number };

export type Bar = {
  key: string;
  label: string;
  value: number;
  /** The source's qualifier of the value ("trên", "khoảng", "trở lên"), shown with it everywhere. */
  qualifier?: string | undefined;
  /** Parts of `value` (e.g. official and probationary members); a shortfall is shown as unknown. */
  parts?: BarPart[];
  /** The unexplained remainder of a total: drawn hatched. */
  unknown?: boolean;
  /** Key of the bar this one is a "trong đó" subset of: drawn indented beneath it. */
  subsetOf?: string;
};

export type BarGroup = {
  key: string;
  label?: string;
  bars: Bar[];
  /** Opening of the group's text alternative: "Trong 241 chi bộ … có". */
  intro?: string;
  /** The total the bars are parts of, when the group heading stands for one. */
  total?: { key: string; label: string; value: number };
};

export type BarChartInput = {
  id: string;
  title: string;
  description: string;
  groups: BarGroup[];
  /** Unit after each number in tooltips: "đảng viên", "chi bộ". */
  unit: string;
  /** Series of `parts`, in colour order; shown as a legend. */
  series?: { key: string; label: string }[];
  /** Legend label for bars given only as a total when other bars have parts. */
  totalLabel?: string;
};

export type BulletRow = {
  key: string;
  /** The unit, e.g. "Đảng bộ huyện Thanh Bình". */
  label: string;
  /** The year of the admissions, when the source gives it. */
  year?: number;
  /** Members admitted, as the source states. */
  count: number;
  /** The source's qualifier of the count ("hơn", "khoảng"). */
  qualifier?: string | undefined;
  /** Percent of target as the source states it (102 for "đạt 102% chỉ tiêu"); absent when none. */
  percentOfTarget?: number;
  /** The source's word for the target: "chỉ tiêu" or "kế hoạch". */
  targetWord?: string;
};

export type BulletChartInput = {
  id: string;
  title: string;
  description: string;
  rows: BulletRow[];
  unit: string;
};

export type SharePart = {
  key: string;
  label: string;
  count: number;
  /** The percentage the source prints (83.33 for "83,33%"), shown instead of a computed one. */
  statedPercent?: number;
};

export type ShareGroup = {
  key: string;
  label: string;
  total: number;
  parts: SharePart[];
  /** What the group counts when it differs from the chart's unit ("cá nhân"). */
  unit?: string;
};

export type ShareChartInput = {
  id: string;
  title: string;
  description: string;
  groups: ShareGroup[];
  unit: string;
};

export type TimelinePoint = {
  key: string;
  /** When the figure holds, as readers say it: "Năm 2019", "Hết năm 2021", "Ngày 12/08/2022". */
  label: string;
  /** The same moment under the time axis: "2019", "hết 2021", "12/08/2022". */
  tick: string;
  /** Position on the time axis (ms): the moment the figure holds; a year runs to its end. */
  at: number;
  value: number;
  qualifier?: string | undefined;
  /** The article it comes from, for telling apart two figures of one moment. */
  source: string;
};

export type TimelineSeries = {
  key: string;
  /** The unit, e.g. "Đảng bộ huyện Tuyên Hóa". */
  label: string;
  /** Dated figures, oldest first; the last is the newest. */
  points: TimelinePoint[];
  /** Figures the source gives without a date: listed apart, never on the axis. */
  undated: {
    key: string;
    /** "Không ghi thời điểm", with the article when the unit has two undated figures. */
    label: string;
    /** "bài “…”": tells two undated figures apart. */
    article: string;
    value: number;
    qualifier?: string | undefined;
  }[];
};

export type TimelineChartInput = {
  id: string;
  title: string;
  description: string;
  series: TimelineSeries[];
  /** Unit after each number in tooltips and the text alternative: "đảng viên". */
  unit: string;
};
