// `geoslo regions` and `geoslo markets`: the bundled data as tables.

import { formatTextTable } from '../../report/text-table.js';
import { markets } from '../../world/markets.js';
import { regions } from '../../world/regions.js';

export function regionsTable(): string {
  return formatTextTable(
    [{ header: 'id' }, { header: 'name' }, { header: 'country' }, { header: 'lon', numeric: true }, { header: 'lat', numeric: true }, { header: 'status' }, { header: 'zones', numeric: true }],
    regions.map((r) => [r.id, r.name, r.country, r.coordinates[0], r.coordinates[1], r.status, r.zones]),
  );
}

export function marketsTable(): string {
  return formatTextTable(
    [{ header: 'id' }, { header: 'name' }, { header: 'country' }, { header: 'lon', numeric: true }, { header: 'lat', numeric: true }, { header: 'population', numeric: true }],
    markets.map((m) => [m.id, m.name, m.country, m.coordinates[0], m.coordinates[1], m.population]),
  );
}
