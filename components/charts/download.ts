/** Client-side downloads of a chart: its data as CSV and its picture as SVG, both from Blobs (no server round trip). */

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read Chinese headers correctly. */
export function downloadCsv(filename: string, header: string[], rows: (string | number | null)[][]) {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  saveBlob(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), filename);
}

/** The rendered chart's <svg>, standalone (namespace declared, white background). */
export function downloadSvg(container: HTMLElement | null, filename: string) {
  const svg = container?.querySelector('svg.recharts-surface');
  if (!svg) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.background = '#ffffff';
  const text = new XMLSerializer().serializeToString(copy);
  saveBlob(new Blob([text], { type: 'image/svg+xml' }), filename);
}
