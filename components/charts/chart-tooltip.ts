/**
 * The figures of the period or bar under the pointer, shown beside it. The server draws one invisible area over a
 * plot's rows (`rect.chart-hover`, svg/plot-frame.ts); the figures are read from the chart's own data table, whose
 * rows are the plot's in the same order, so they are written once and in the reader's language.
 */

let tip: HTMLDivElement | null = null;

/** The page's one tooltip, made on first use; a plain element that never takes the pointer. */
function tooltip(): HTMLDivElement {
  if (tip?.isConnected) return tip;
  tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  return tip;
}

/** Which row of the area the point is over (along the area's `data-across` axis): its index, or -1 off the rows. */
export function rowAt(area: SVGRectElement, clientX: number, clientY: number): number {
  const matrix = area.getScreenCTM();
  const rows = Number(area.dataset.rows);
  if (!matrix || !(rows > 0)) return -1;
  const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  const [at, start, length] =
    area.dataset.across === 'y'
      ? [point.y, area.y.baseVal.value, area.height.baseVal.value]
      : [point.x, area.x.baseVal.value, area.width.baseVal.value];
  const index = Math.floor(((at - start) / length) * rows);
  return index >= 0 && index < rows ? index : -1;
}

/** A row of the table as lines: its header, then each figure after its column's name. */
export function rowLines(table: HTMLTableElement, index: number): string[] {
  const row = table.tBodies[0]?.rows[index];
  const headers = table.tHead?.rows[0]?.cells;
  if (!row || !headers) return [];
  return Array.from(row.cells, (cell, k) => (k === 0 ? cell.textContent ?? '' : `${headers[k]?.textContent ?? ''}: ${cell.textContent ?? ''}`));
}

export function hideChartTooltip() {
  if (tip) tip.hidden = true;
}

/** Shows the figures of the row under the pointer, or hides the tooltip when the pointer is off every plot. */
export function onChartPointer(event: PointerEvent) {
  const area = event.target instanceof SVGRectElement && event.target.matches('rect.chart-hover') ? event.target : null;
  const table = area?.closest('figure')?.querySelector<HTMLTableElement>('.chart-table table');
  const lines = area && table ? rowLines(table, rowAt(area, event.clientX, event.clientY)) : [];
  if (lines.length === 0) return hideChartTooltip();
  const element = tooltip();
  element.textContent = lines.join('\n');
  element.hidden = false;
  // Beside the pointer, turned to the other side near the window's right or bottom edge; placed on the page, not
  // the window, so that it stays beside its row when the page scrolls.
  const { innerWidth, innerHeight, scrollX, scrollY } = window;
  const { offsetWidth: w, offsetHeight: h } = element;
  const { clientX: x, clientY: y } = event;
  element.style.left = `${scrollX + (x + 14 + w > innerWidth ? Math.max(0, x - 14 - w) : x + 14)}px`;
  element.style.top = `${scrollY + (y + 14 + h > innerHeight ? Math.max(0, y - 14 - h) : y + 14)}px`;
}
