// The original Tuyên Hóa page's poll and counter figures, from data/trang-goc.csv, for the server's baseline.
import { getRows } from "./index.ts";

export type OriginalSiteFigures = {
  /** "126 người đã tham gia bình chọn" (split by option unknown). */
  pollParticipants: number;
  online: number;
  today: number;
  /** "Tổng 6.264.685". */
  total: number;
};

export function originalSiteFigures(): OriginalSiteFigures {
  const rows = getRows("trang-goc");
  const figure = (metric: string) => {
    const row = rows.find((r) => r.metric === metric);
    if (!row) throw new Error(`data/trang-goc.csv has no row with metric ${metric}`);
    return row.count;
  };
  return {
    pollParticipants: figure("poll-participants"),
    online: figure("online"),
    today: figure("today"),
    total: figure("total"),
  };
}
