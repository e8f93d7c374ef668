// The public internet's structure beyond the backbone (data/internet.json): the exchange hubs where
// networks of different countries meet, and the countries whose international traffic passes
// national gateways. Checked against the backbone it describes.

import internetJson from '../../data/internet.json';
import { publicEntry } from '../errors.js';
import { FieldReader } from './parse.js';
import type { Backbone, ExchangeHub, GatewayCountry, InternetFacts } from './records.js';

/**
 * Checks internet facts (the shape of data/internet.json) field by field against the backbone
 * they describe: every exchange hub must be a node of it.
 *
 * @param json - an object with `exchangeHubs` (at least one) and optional `gatewayCountries`
 * @param backbone - the backbone whose nodes the hubs name
 * @param functionName - the name errors are attributed to, e.g. your loader's
 * @param path - the JSON path errors name for the object (default `'internet'`)
 * @throws {@link InvalidArgumentError} naming the path of the first bad field, an unknown node or a repeated entry
 * @example
 * ```ts
 * import { bundledWorld, estimateRtt, parseInternetFacts } from 'geoslo';
 *
 * const internet = parseInternetFacts({
 *   exchangeHubs: [{ node: 'sg-singapore', exchange: 'Singapore IX', networks: null, source: 'own list' }],
 * }, bundledWorld.backbone, 'loadInternetFacts');
 * estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'internet', world: { ...bundledWorld, internet } });
 * ```
 */
export function parseInternetFacts(json: unknown, backbone: Backbone, functionName: string, path = 'internet'): InternetFacts {
  return publicEntry(functionName, () => {
    const read = new FieldReader();
    const root = read.object(json, path);
    const nodeIds = new Set(backbone.nodes.map((node) => node.id));
    const hubNodes = new Set<string>();
    const exchangeHubs = read.array(root.exchangeHubs, `${path}.exchangeHubs`).map((entry, i): ExchangeHub => {
      const at = `${path}.exchangeHubs[${i}]`;
      const record = read.object(entry, at);
      const node = read.string(record.node, `${at}.node`);
      if (!nodeIds.has(node)) read.fail(`${at}.node`, `is "${node}", which is not a node of the backbone.`);
      if (hubNodes.has(node)) read.fail(`${at}.node`, `"${node}" is listed twice.`);
      hubNodes.add(node);
      return Object.freeze({
        node,
        exchange: read.string(record.exchange, `${at}.exchange`),
        networks: read.nullableNumber(record.networks, `${at}.networks`, { min: 0, integer: true }),
        source: read.string(record.source, `${at}.source`),
      });
    });
    if (exchangeHubs.length === 0) read.fail(`${path}.exchangeHubs`, 'must name at least one hub: every route between countries meets at one.');
    const countries = new Set<string>();
    const gatewayCountries = read.array(root.gatewayCountries ?? [], `${path}.gatewayCountries`).map((entry, i): GatewayCountry => {
      const at = `${path}.gatewayCountries[${i}]`;
      const record = read.object(entry, at);
      const country = read.country(record.country, `${at}.country`);
      if (countries.has(country)) read.fail(`${at}.country`, `"${country}" is listed twice.`);
      countries.add(country);
      return Object.freeze({ country, name: read.string(record.name, `${at}.name`), source: read.string(record.source, `${at}.source`) });
    });
    return Object.freeze({ exchangeHubs: Object.freeze(exchangeHubs), gatewayCountries: Object.freeze(gatewayCountries) });
  });
}

/** The bundled facts, for a backbone holding the bundled nodes. */
export function bundledInternetFacts(backbone: Backbone): InternetFacts {
  return parseInternetFacts(internetJson, backbone, 'internet');
}
