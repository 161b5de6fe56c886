// Components every article may use without an `import` line: passed to each rendered MDX body
// (an article's own import of the same name still wins, so older files keep working).
import type { MdxComponentName } from "../../lib/content/mdx-components.ts";
import Chart from "../charts/Chart.astro";
import DataFigure from "../charts/DataFigure.astro";
import PhotoCaption from "./PhotoCaption.astro";

export const MDX_COMPONENTS = { Chart, DataFigure, PhotoCaption } satisfies Record<
  MdxComponentName,
  unknown
>;
