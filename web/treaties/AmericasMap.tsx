import { geoAzimuthalEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { ISLAND_POINTS, NUMERIC } from './geo.js';
import type { StateStatus } from './types.js';

const WIDTH = 600;
const HEIGHT = 720;
// The frame: Alaska to Cape Horn, the Pacific coast to the eastern tip of Brazil.
const FRAME: MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [-168, 66],
    [-95, 72],
    [-75, 83],
    [-52, 48],
    [-34, -7],
    [-68, -56],
    [-80, -5],
    [-125, 30],
  ],
};

type CountryFeature = Feature<Geometry, { name: string }>;
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Outlines of the member states (by ISO3) and the path drawer, computed once. */
function useGeometry() {
  return useMemo(() => {
    const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    const byNumeric = new Map(all.features.map((f) => [String(f.id), f as CountryFeature]));
    const projection = geoAzimuthalEqualArea().rotate([80, -12]).fitSize([WIDTH, HEIGHT], FRAME);
    const path = geoPath(projection);
    const shapes = new Map<string, string>();
    for (const [iso3, numeric] of Object.entries(NUMERIC)) {
      const f = byNumeric.get(numeric);
      const d = f ? path(f) : null;
      if (d) shapes.set(iso3, d);
    }
    const points = new Map<string, [number, number]>();
    for (const [iso3, lonLat] of Object.entries(ISLAND_POINTS)) {
      const p = projection(lonLat);
      if (p) points.set(iso3, p);
    }
    return { shapes, points };
  }, []);
}

/**
 * The member states coloured by status. Each state has its own <title> (name, status, and the
 * date behind it), so hovering or a screen reader exploring the graphic tells the same as the
 * table beside it. States too small for the map's scale are drawn as dots.
 */
export function AmericasMap({
  items,
  describe,
  titleId,
  title,
}: {
  items: StateStatus[];
  describe: (row: StateStatus) => string;
  titleId: string;
  title: string;
}) {
  const { shapes, points } = useGeometry();
  const intl = useIntl();
  return (
    <svg
      className="americas-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      <g>
        {items.map((row) => {
          const d = shapes.get(row.state.iso3);
          if (!d) return null;
          const text = describe(row);
          return (
            <path key={row.state.iso3} d={d} className={`country status-${row.status}`} role="img" aria-label={text}>
              <title>{text}</title>
            </path>
          );
        })}
      </g>
      <g>
        {items.map((row) => {
          const p = points.get(row.state.iso3);
          if (!p || shapes.has(row.state.iso3)) return null;
          const text = describe(row);
          return (
            <circle
              key={row.state.iso3}
              cx={p[0]}
              cy={p[1]}
              r={5}
              className={`country island status-${row.status}`}
              role="img"
              aria-label={text}
            >
              <title>{text}</title>
            </circle>
          );
        })}
      </g>
      <desc>{intl.formatMessage({ id: 'treaties.map.islands' })}</desc>
    </svg>
  );
}
