// Components every article may use without an `import` line: what ArticleBody.astro renders for
// each component slot of a body (an older article's import of the same name is dropped).
import type { MdxComponentName } from "../../lib/content/mdx-components.ts";
import Chart from "../charts/Chart.astro";
import DataFigure from "../charts/DataFigure.astro";
import PhotoCaption from "./PhotoCaption.astro";

export const MDX_COMPONENTS = { Chart, DataFigure, PhotoCaption } satisfies Record<
  MdxComponentName,
  unknown
>;
