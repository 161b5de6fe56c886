// `npm run data:check`: validate every data/*.csv (or DATA_DIR); print each problem, exit 1 on any.
import { formatIssue, loadAllDatasets } from "../lib/data/index.ts";

const { datasets, issues } = loadAllDatasets();
if (issues.length > 0) {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(
    `\nDữ liệu có ${issues.length} lỗi — data has ${issues.length} problem(s). Xem data/README.md.`,
  );
  process.exit(1);
}
const all = Object.values(datasets);
const rows = all.reduce((n, d) => n + d.rows.length, 0);
const gaps = all.reduce((n, d) => n + d.gaps.length, 0);
console.log(
  `data: ${all.length} datasets, ${rows} rows OK (${gaps} unexplained gap(s) shown as such)`,
);
