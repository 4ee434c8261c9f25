import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json';
import type { MapCity } from '@/types/charts';

const WIDTH = 960;
const HEIGHT = 470;

/** Okabe–Ito colours by city status; the legend names each in words. */
export const statusColour: Record<MapCity['status'], string> = {
  active: '#009E73',
  engaged: '#0072B2',
  prospective: '#E69F00',
  inactive: '#7F7F7F',
};

// The land outline is the same for every request: project it once per server process.
const topology = land as unknown as Topology<{ land: GeometryCollection }>;
const landShape = feature(topology, topology.objects.land);
const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], landShape);
const landPath = geoPath(projection)(landShape) ?? '';

/** Marker radius grows with the square root of partnerships + clusters, so areas compare fairly. */
export function markerRadius(city: MapCity) {
  return 4 + 2.2 * Math.sqrt(city.partnerships + city.clusters);
}

/**
 * The world map as server-rendered SVG (map data from the world-atlas package: no tile server, works offline).
 * Each city is a link — focusable, opened with Enter or a click — to the same page with its card.
 */
export function WorldMap({ cities, label, hrefFor, markerLabel, selectedId }: {
  cities: MapCity[];
  label: string;
  hrefFor: (city: MapCity) => string;
  markerLabel: (city: MapCity) => string;
  selectedId?: number;
}) {
  const placed = cities.filter((c) => c.latitude !== null && c.longitude !== null);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={label} className="world-map" data-map>
      <path d={landPath} fill="#e6e9ee" stroke="#c3c8cf" strokeWidth={0.5} />
      {placed
        .sort((a, b) => markerRadius(b) - markerRadius(a))
        .map((city) => {
          const [x, y] = projection([city.longitude!, city.latitude!]) ?? [0, 0];
          return (
            <a key={city.id} href={hrefFor(city)} aria-label={markerLabel(city)} data-city={city.id} className="map-marker">
              <title>{markerLabel(city)}</title>
              <circle
                cx={x}
                cy={y}
                r={markerRadius(city)}
                fill={statusColour[city.status]}
                fillOpacity={0.85}
                stroke={city.id === selectedId ? '#000' : '#fff'}
                strokeWidth={city.id === selectedId ? 2.5 : 1}
              />
            </a>
          );
        })}
    </svg>
  );
}
