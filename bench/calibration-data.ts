// The measured RTTs each network is fitted and cross-validated on. Backbone: between cloud regions,
// Azure (693 pairs, P50) and IBM Cloud VPC (45 pairs, 30-day average), data/calibration/.
// Internet: WonderProxy's all-pairs pings between hosting data centres (19-20 July 2020, day
// averages), bench/calibration/; that file carries no licence, so it is used to fit and test and
// is not part of the published package. Every measurement names the metros at its ends, so that
// cross-validation can hold out whole cities.

import { readFileSync } from 'node:fs';
import type { RttMeasurement } from '../src/latency/calibrate.js';
import type { EndpointInput } from '../src/latency/endpoints.js';
import type { Network } from '../src/latency/network.js';
import { parseCsv } from '../src/util/csv.js';
import { projectFile } from './project-files.js';

export interface CalibrationMeasurement extends RttMeasurement {
  /** The metro of each end (ends within 50 km of each other are one metro). */
  readonly cities: readonly [string, string];
}

const FILES: Readonly<Record<Network, readonly string[]>> = {
  backbone: ['data/calibration/azure-rtt.csv', 'data/calibration/ibm-vpc-rtt.csv'],
  internet: ['bench/calibration/wonderproxy-pings-2020.csv'],
};

/** WonderProxy server names end in a (sometimes truncated) country name; its ISO code. */
const WONDERPROXY_COUNTRIES: Readonly<Record<string, string>> = {
  Algeria: 'DZ', Australia: 'AU', Austria: 'AT', Bangladesh: 'BD', Belgium: 'BE', Bulgaria: 'BG', Canada: 'CA', Chile: 'CL', China: 'CN',
  Colombia: 'CO', CostaRica: 'CR', Croatia: 'HR', Cyprus: 'CY', CzechRepubli: 'CZ', Ecuador: 'EC', Egypt: 'EG', France: 'FR', Georgia: 'GE',
  Germany: 'DE', Guatemala: 'GT', HongKong: 'HK', Iceland: 'IS', India: 'IN', Indonesia: 'ID', Ireland: 'IE', IsleofMan: 'IM', Italy: 'IT',
  Japan: 'JP', Kazakhstan: 'KZ', Kenya: 'KE', Kosovo: 'XK', Latvia: 'LV', Lebanon: 'LB', Lithuania: 'LT', Mexico: 'MX', Moldova: 'MD',
  Morocco: 'MA', Netherlands: 'NL', NewZealand: 'NZ', Norway: 'NO', Pakistan: 'PK', Panama: 'PA', Peru: 'PE', Philippines: 'PH', Poland: 'PL',
  Portugal: 'PT', PuertoRico: 'PR', Romania: 'RO', Russia: 'RU', SaudiArabia: 'SA', Slovenia: 'SI', SouthAfrica: 'ZA', Spain: 'ES',
  Suriname: 'SR', Sweden: 'SE', Switzerland: 'CH', Thailand: 'TH', Turkey: 'TR', Uganda: 'UG', UnitedArabEm: 'AE', UnitedKingdo: 'GB',
  UnitedStates: 'US', Uruguay: 'UY', Vietnam: 'VN',
};

function wonderProxyCountry(server: string): string {
  const name = server.slice(server.lastIndexOf('-') + 1);
  const country = WONDERPROXY_COUNTRIES[name];
  if (country === undefined) throw new Error(`no ISO code for the WonderProxy country "${name}" (server ${server})`);
  return country;
}

const METRO_KM = 50;

/** Names ends by metro: the first-seen name of any end within METRO_KM. */
function metroNamer(): (name: string, lonLat: [number, number]) => string {
  const metros: { name: string; lonLat: [number, number] }[] = [];
  return (name, lonLat) => {
    const toRadians = Math.PI / 180;
    const near = metros.find((metro) => {
      const dLat = (metro.lonLat[1] - lonLat[1]) * toRadians;
      const dLon = (metro.lonLat[0] - lonLat[0]) * toRadians * Math.cos(lonLat[1] * toRadians);
      return Math.hypot(dLat, dLon) * 6371 <= METRO_KM;
    });
    if (near) return near.name;
    metros.push({ name, lonLat });
    return name;
  };
}

export function loadCalibrationMeasurements(network: Network): CalibrationMeasurement[] {
  const metroOf = metroNamer();
  return FILES[network].flatMap((file) => {
    const table = parseCsv(readFileSync(projectFile(file), 'utf8'));
    const column = (name: string) => {
      const index = table.header.indexOf(name);
      if (index === -1) throw new Error(`${file} has no column ${name}`);
      return index;
    };
    const [a, b, aLat, aLon, bLat, bLon, rtt] = ['a', 'b', 'a_lat', 'a_lon', 'b_lat', 'b_lon', 'rtt_ms'].map(column);
    return table.rows.map(({ cells }): CalibrationMeasurement => {
      const ends = [
        { name: cells[a], lonLat: [Number(cells[aLon]), Number(cells[aLat])] as [number, number] },
        { name: cells[b], lonLat: [Number(cells[bLon]), Number(cells[bLat])] as [number, number] },
      ];
      const [from, to] = ends.map(({ name, lonLat }): EndpointInput => (network === 'internet'
        ? { type: 'Feature', geometry: { type: 'Point', coordinates: lonLat }, properties: { country: wonderProxyCountry(name) } }
        : lonLat));
      return {
        from,
        to,
        rttMs: Number(cells[rtt]),
        label: `${cells[a]} - ${cells[b]}`,
        cities: [metroOf(ends[0].name, ends[0].lonLat), metroOf(ends[1].name, ends[1].lonLat)],
      };
    });
  });
}
