/** Client-side downloads of a chart's picture as SVG or PNG, from the picture on the page (no server round trip). */

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

/** The plot's own <svg>: the server-drawn picture marks itself with data-plot. */
function plotSvg(container: HTMLElement | null): SVGSVGElement | null {
  return container?.querySelector<SVGSVGElement>('svg[data-plot]') ?? null;
}

/** A standalone copy of the picture at its drawn size (its viewBox), namespace declared. */
function standalone(svg: SVGSVGElement, width: number, height: number): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('data-plot');
  return copy;
}

/** The rendered chart's <svg>, standalone (namespace declared, white background). */
export function downloadSvg(container: HTMLElement | null, filename: string) {
  const svg = plotSvg(container);
  if (!svg) return;
  const box = svg.viewBox.baseVal;
  const copy = standalone(svg, box.width, box.height);
  copy.style.background = '#ffffff';
  const text = new XMLSerializer().serializeToString(copy);
  saveBlob(new Blob([text], { type: 'image/svg+xml' }), filename);
}

/**
 * The rendered chart as a PNG: the same standalone SVG drawn onto a canvas at twice its size (sharp on
 * slides and in documents), with a white background. Resolves false when there is nothing to draw.
 */
export async function downloadPng(container: HTMLElement | null, filename: string, scale = 2): Promise<boolean> {
  const svg = plotSvg(container);
  if (!svg) return false;
  const box = svg.viewBox.baseVal;
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const copy = standalone(svg, width, height);
  // Text drawn from an <img> does not inherit the page's font: name it on the copy.
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('chart picture could not be drawn'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) return false;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  saveBlob(blob, filename);
  return true;
}
