/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Series also differ by shape
 * (bars vs lines, solid vs dashed), so colour is never the only cue.
 */
export const chartPalette = {
  actual: '#0072B2',
  target: '#D55E00',
  originalTarget: '#7F7F7F',
  baseline: '#000000',
  projection: '#009E73',
  others: '#999999',
} as const;

/** The plot's height in pixels; skeletons use it too, so streaming in does not move the page. */
export const CHART_HEIGHT = 320;
