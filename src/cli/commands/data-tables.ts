// `geoslo regions`, `markets`, `cables` and `corridors`: the bundled data as tables, with the ids
// the what-if flags take.

import { formatTextTable } from '../../report/text-table.js';
import { backbone } from '../../world/backbone.js';
import { CORRIDORS } from '../../world/corridors.js';
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

/** Every cable system of the bundled (2025) backbone: what `--cut` takes. */
export function cablesTable(): string {
  return formatTextTable(
    [{ header: 'id' }, { header: 'name' }, { header: 'ready for service', numeric: true }, { header: 'length km', numeric: true }, { header: 'corridors' }],
    backbone.cables.map((c) => [c.id, c.name, c.readyForService, c.lengthKm, c.corridors.join(', ')]),
  );
}

/** Every corridor with the cable systems that have segments in it: what `--cut-corridor` takes. */
export function corridorsTable(): string {
  return formatTextTable(
    [{ header: 'corridor' }, { header: 'segments', numeric: true }, { header: 'cables' }],
    CORRIDORS.map((corridor) => {
      const links = backbone.links.filter((link) => link.corridors.includes(corridor));
      return [corridor, links.length, [...new Set(links.map((link) => link.cable))].join(', ')];
    }),
  );
}
