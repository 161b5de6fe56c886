// "Tải PNG": rasterises a chart's inline SVG in the browser. Without JavaScript the button stays
// hidden; the SVG and CSV downloads are static files.

const SCALE = 3;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // A full-width chart (no viewBox) is drawn as it is on screen, its em fixed to the page's size.
  const box = svg.getBoundingClientRect();
  const [, , width = box.width, height = box.height] = (svg.getAttribute("viewBox") ?? "")
    .split(" ")
    .filter(Boolean)
    .map(Number);
  if (!svg.hasAttribute("viewBox")) {
    clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
    clone.setAttribute("font-size", getComputedStyle(svg).fontSize);
  }
  clone.setAttribute("width", String(width * SCALE));
  clone.setAttribute("height", String(height * SCALE));
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([source], { type: "image/svg+xml" }));
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG failed"))), "image/png"),
  );
}

/** Shows the PNG buttons under `root` (the page, or charts the dashboard filter just put in). */
export function showPngButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-chart-png]")) {
    button.hidden = false;
  }
}

showPngButtons();
// Delegated, so charts swapped in by the dashboard filter work too.
document.addEventListener("click", async (event) => {
  const button =
    event.target instanceof Element
      ? event.target.closest<HTMLButtonElement>("button[data-chart-png]")
      : null;
  if (!button) return;
  // The layout on screen (the others are display: none).
  const figure = document.getElementById(`bieu-do-${button.dataset.chartPng}`);
  const svg = [...(figure?.querySelectorAll("svg.chart-svg") ?? [])].find(
    (s) => s.getClientRects().length > 0,
  );
  if (svg instanceof SVGSVGElement) download(await toPng(svg), `${button.dataset.chartPng}.png`);
});
