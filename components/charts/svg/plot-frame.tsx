import type { ReactNode } from 'react';
import { FONT_SIZE, PLOT_WIDTH } from './layout';

/** A chart picture: one accessible image (its title and description read as its name) at the plot's width. */
export function PlotFrame({ id, height, title, description, children }: { id: string; height: number; title: string; description: string; children: ReactNode }) {
  return (
    <svg
      data-plot=""
      className="chart-plot"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${PLOT_WIDTH} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="xMinYMin meet"
      fontSize={FONT_SIZE}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}
