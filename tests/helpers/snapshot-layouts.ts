// The two widths every chart snapshot is taken at: the narrowest layout and the widest.
import { LAYOUTS, type Layout } from "../../src/lib/charts/metrics.ts";

export const SNAPSHOT_LAYOUTS: readonly Layout[] = [LAYOUTS[0]!, LAYOUTS[LAYOUTS.length - 1]!];
