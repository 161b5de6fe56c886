// The level of a unit (đảng bộ): province, a province's bloc of agencies, or district. Figures of
// different levels are not compared on one axis; the dashboard filters and groups by level.

export const LEVELS = {
  tinh: "Cấp tỉnh",
  khoi: "Khối cơ quan",
  huyen: "Cấp huyện",
} as const;

export type UnitLevel = keyof typeof LEVELS;
export const LEVEL_IDS = Object.keys(LEVELS) as UnitLevel[];

/**
 * From the row's place and name: a district is named for district-level units ("Đảng bộ huyện …",
 * "Đảng bộ thành phố Cao Lãnh"); "Đảng bộ Khối …" is a bloc; any other unit is the province's.
 */
export function unitLevel(row: { unit: string; district?: string | undefined }): UnitLevel {
  if (row.district !== undefined && row.district !== "") return "huyen";
  if (/^Đảng bộ Khối\b/i.test(row.unit)) return "khoi";
  return "tinh";
}
