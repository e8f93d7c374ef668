// The reliability suite: hundreds of bad inputs across the API, scenario files and the CLI, one
// case a row. Each must be refused with a typed error that names the field as the caller wrote it,
// and afterwards the library must still give the same answer to a good call as before them.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  calibrate, estimateRtt, GeosloError, latencyMatrix, plan, renderMapSvg, renderReportHtml, routeBetween, shortestPath, solvePlacement, sweep,
  toFeatureCollection, whatIf, worldAsOf,
} from '../src/index.js';

type Case = readonly [label: string, call: () => unknown, field: RegExp];

const goodPlan = () => plan({ markets: { countries: ['ID', 'TH'] }, slo: { defaultMs: 60 } });
const goodAnswers = () => ({
  rtt: estimateRtt('id-jakarta', 'ap-southeast-1', { network: 'internet', quantile: 0.9 }),
  matrix: Array.from(latencyMatrix(['th-bangkok', 'mx-mexico-city'], ['ap-southeast-1', 'us-east-1']).data),
  placement: solvePlacement({ latencyMs: [[1, 5], [4, 2], [9, 3]], objective: 'p-median', k: 1 }).sites,
  plan: goodPlan().chosen.map((c) => c.id),
});

// Endpoint values that are not a point, a region or a market.
const BAD_ENDPOINTS: readonly (readonly [string, unknown])[] = [
  ['null', null], ['undefined', undefined], ['a number', 42], ['a boolean', true], ['an empty object', {}], ['an empty array', []],
  ['one coordinate', [1]], ['four coordinates', [1, 2, 3, 4]], ['NaN longitude', [Number.NaN, 0]], ['NaN latitude', [0, Number.NaN]],
  ['infinite longitude', [Infinity, 0]], ['longitude 200', [200, 0]], ['latitude 100', [0, 100]], ['string coordinates', ['1', '2']],
  ['[lat, lon] swapped', [1.35, 103.82]], ['an unknown id', 'nowhere'], ['an empty id', ''], ['a 200,000-character id', 'x'.repeat(200_000)],
  ['a Point without coordinates', { type: 'Point' }], ['a Point with null coordinates', { type: 'Point', coordinates: null }],
  ['a Feature without geometry', { type: 'Feature', geometry: null }], ['a LineString Feature', { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }],
  ['a Feature with a bad country', { type: 'Feature', geometry: { type: 'Point', coordinates: [101.7, 3.1] }, properties: { country: 'Malaysia' } }],
  ['a point in the open ocean', [-140, -45]], ['a symbol', Symbol('x')], ['a function', () => 0],
];

// Latency options that are malformed, out of range or unknown.
const BAD_OPTIONS: readonly (readonly [string, unknown, RegExp])[] = [
  ['null options', null, /options must be an object/], ['number options', 5, /options must be an object/], ['array options', [], /options must be an object/],
  ['a misspelt option', { netwrok: 'internet' }, /options\.netwrok is not an option/], ['__proto__ as an option', JSON.parse('{"__proto__": {"network": "internet"}}'), /options\.__proto__ is not an option/],
  ['an unknown network', { network: 'wifi' }, /options\.network must be one of/], ['a numeric network', { network: 5 }, /options\.network must be one of/],
  ['quantile 0', { quantile: 0 }, /options\.quantile must be a number strictly between 0 and 1/], ['quantile 1', { quantile: 1 }, /options\.quantile/],
  ['quantile -1', { quantile: -1 }, /options\.quantile/], ['quantile NaN', { quantile: Number.NaN }, /options\.quantile/], ['quantile as text', { quantile: '0.9' }, /options\.quantile/],
  ['quantile Infinity', { quantile: Infinity }, /options\.quantile/], ['parameters not an object', { parameters: 5 }, /options\.parameters must be an object/],
  ['a negative hop', { parameters: { hopMs: -1 } }, /options\.parameters\.hopMs must be a finite number >= 0/], ['a NaN base', { parameters: { baseMs: Number.NaN } }, /options\.parameters\.baseMs/],
  ['a stretch below 1', { parameters: { submarineStretch: 0.5 } }, /options\.parameters\.submarineStretch must be a finite number >= 1/],
  ['an unknown parameter', { parameters: { speed: 1 } }, /options\.parameters\.speed is not a backbone model parameter/],
  ['an internet parameter on the backbone', { parameters: { gatewayMs: 1 } }, /options\.parameters\.gatewayMs is not a backbone model parameter/],
  ['corridor penalties not an object', { parameters: { corridorPenaltyMs: 5 } }, /options\.parameters\.corridorPenaltyMs must be an object/],
  ['an unknown corridor penalty', { parameters: { corridorPenaltyMs: { 'red sea': 1 } } }, /options\.parameters\.corridorPenaltyMs\.red sea is not a key/],
  ['an empty world', { world: {} }, /options\.world must be a World/], ['a null world', { world: null }, /options\.world must be a World/],
  ['cutCables a string', { cutCables: 'sjc' }, /options\.cutCables must be an array of strings/], ['cutCables with a number', { cutCables: [5] }, /options\.cutCables must be an array of strings/],
  ['an unknown cable', { cutCables: ['nonsense'] }, /options\.cutCables\[0\] is "nonsense", which is not a cable/],
  ['an unknown corridor', { cutCorridors: ['red sea'] }, /options\.cutCorridors\[0\] is "red sea", which is not a corridor/],
  ['an unknown node', { removeNodes: ['sg-nowhere'] }, /options\.removeNodes\[0\] is "sg-nowhere", which is not a backbone node/],
  ['an unknown region', { removeRegions: ['ap-southeast-l'] }, /options\.removeRegions\[0\] is "ap-southeast-l", which is not a region id/],
];

const endpointCases: Case[] = BAD_ENDPOINTS.flatMap(([label, value]): Case[] => [
  [`estimateRtt from ${label}`, () => estimateRtt(value as never, 'ap-southeast-1'), /^geoslo\/estimateRtt: from/],
  [`estimateRtt to ${label}`, () => estimateRtt('id-jakarta', value as never, { network: 'internet' }), /^geoslo\/estimateRtt: to/],
  [`latencyMatrix with ${label} in from`, () => latencyMatrix(['id-jakarta', value as never], ['ap-southeast-1']), /^geoslo\/latencyMatrix: from\[1\]/],
  [`routeBetween to ${label}`, () => routeBetween('id-jakarta', value as never), /^geoslo\/routeBetween: to/],
]);

const optionCases: Case[] = BAD_OPTIONS.flatMap(([label, options, field]): Case[] => [
  [`estimateRtt with ${label}`, () => estimateRtt('id-jakarta', 'ap-southeast-1', options as never), field],
  [`latencyMatrix with ${label}`, () => latencyMatrix(['id-jakarta'], ['ap-southeast-1'], options as never), field],
]);

const matrixCases: Case[] = [
  ['latencyMatrix from not an array', () => latencyMatrix('id-jakarta' as never, ['ap-southeast-1']), /latencyMatrix: from must be an array/],
  ['latencyMatrix to an object', () => latencyMatrix(['id-jakarta'], {} as never), /latencyMatrix: to must be an array/],
  ['routeBetween with a quantile', () => routeBetween('id-jakarta', 'ap-southeast-1', { quantile: 0.9 } as never), /routeBetween: options\.quantile is not an option of routeBetween/],
  ['worldAsOf 1900', () => worldAsOf(1900), /worldAsOf: year must be an integer year from 1988 to 2100/],
  ['worldAsOf 2025.5', () => worldAsOf(2025.5), /worldAsOf: year/], ['worldAsOf text', () => worldAsOf('2026' as never), /worldAsOf: year/],
];

// solvePlacement: a good problem with one field broken at a time.
const ok = { latencyMs: [[1, 5], [4, 2], [9, 3]], objective: 'p-median', k: 1 } as const;
const BAD_PROBLEMS: readonly (readonly [string, unknown, RegExp])[] = [
  ['null', null, /problem must be an object/], ['an array', [], /problem must be an object/], ['a string', 'p-median', /problem must be an object/],
  ['no matrix', { ...ok, latencyMs: undefined }, /problem\.latencyMs must be number\[\]\[\]/], ['an empty matrix', { ...ok, latencyMs: [] }, /problem\.latencyMs has no rows/],
  ['an empty row', { ...ok, latencyMs: [[]] }, /problem\.latencyMs has no columns/], ['a ragged matrix', { ...ok, latencyMs: [[1, 2], [3]] }, /problem\.latencyMs\[1\] has 1 entries but row 0 has 2/],
  ['a row that is a number', { ...ok, latencyMs: [[1, 2], 3] }, /problem\.latencyMs\[1\] must be an array/], ['a DataView row', { ...ok, latencyMs: [new DataView(new ArrayBuffer(16)), [1, 2]] }, /problem\.latencyMs\[0\] must be an array/],
  ['a negative latency', { ...ok, latencyMs: [[1, -2], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is -2/], ['a NaN latency', { ...ok, latencyMs: [[1, Number.NaN], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is NaN/],
  ['-Infinity', { ...ok, latencyMs: [[1, -Infinity], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is -Infinity/], ['a string latency', { ...ok, latencyMs: [[1, '2'], [3, 4]] }, /problem\.latencyMs\[0\]\[1\] is "2"/],
  ['data too short', { ...ok, latencyMs: { rows: 2, cols: 2, data: [1, 2, 3] } }, /problem\.latencyMs\.data must hold rows x cols = 4/],
  ['rows zero', { ...ok, latencyMs: { rows: 0, cols: 2, data: [] } }, /problem\.latencyMs\.rows must be a positive integer/], ['cols fractional', { ...ok, latencyMs: { rows: 1, cols: 1.5, data: [1] } }, /problem\.latencyMs\.cols/],
  ['an unknown objective', { ...ok, objective: 'p-medium' }, /problem\.objective must be one of/], ['no objective', { ...ok, objective: undefined }, /problem\.objective must be one of/],
  ['k 0', { ...ok, k: 0 }, /problem\.k must be a finite integer > 0/], ['k fractional', { ...ok, k: 1.5 }, /problem\.k/], ['k NaN', { ...ok, k: Number.NaN }, /problem\.k/],
  ['k beyond the candidates', { ...ok, k: 3 }, /problem\.k is 3 but there are only 2 candidates/], ['k missing', { ...ok, k: undefined }, /problem\.k is required for "p-median"/],
  ['k for set-cover', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 5, k: 1 }, /problem\.k does not apply to "set-cover"/],
  ['sloMs for p-median', { ...ok, sloMs: 5 }, /problem\.sloMs does not apply to "p-median"/], ['sloMs for p-center', { ...ok, objective: 'p-center', sloMs: 5 }, /problem\.sloMs does not apply to "p-center"/],
  ['no sloMs for max-coverage', { ...ok, objective: 'max-coverage' }, /problem\.sloMs is required for "max-coverage"/], ['sloMs 0', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 0 }, /problem\.sloMs must be a finite number > 0/],
  ['coverTimes for p-median', { ...ok, coverTimes: 2 }, /problem\.coverTimes does not apply to "p-median"/], ['coverTimes 0', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 5, coverTimes: 0 }, /problem\.coverTimes/],
  ['costs for p-median', { ...ok, costs: [1, 1] }, /problem\.costs does not apply to "p-median"/], ['costs too few', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 5, costs: [1] }, /problem\.costs has 1 entries but there are 2 candidates/],
  ['a negative cost', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 5, costs: [1, -1] }, /problem\.costs\[1\] is -1/],
  ['overflowing costs', { latencyMs: ok.latencyMs, objective: 'set-cover', sloMs: 5, costs: [1e308, 1e308] }, /problem\.costs are so large that the objective overflows/],
  ['weights too few', { ...ok, weights: [1] }, /problem\.weights has 1 entries but there are 3 demands/], ['a NaN weight', { ...ok, weights: [1, Number.NaN, 1] }, /problem\.weights\[1\] is NaN/],
  ['a negative weight', { ...ok, weights: [1, -1, 1] }, /problem\.weights\[1\] is -1/], ['weights not a list', { ...ok, weights: 5 }, /problem\.weights must be an array/],
  ['overflowing weights', { ...ok, latencyMs: [[1e10, 2], [3, 4], [5, 6]], weights: [1e300, 1e300, 1] }, /problem\.weights are so large that the objective overflows/],
  ['fixed not a list', { ...ok, fixed: 0 }, /problem\.fixed must be an array of candidate indices/], ['fixed out of range', { ...ok, fixed: [2] }, /problem\.fixed\[0\] is 2; candidate indices run from 0 to 1/],
  ['fixed repeated', { ...ok, latencyMs: [[1, 2, 3]], fixed: [0, 0, 2] }, /problem\.fixed\[1\] repeats candidate 0/], ['fixed as a 0/1 mask', { ...ok, latencyMs: [[1, 2, 3]], fixed: [0, 1, 0] }, /problem\.fixed looks like a 0\/1 mask/],
  ['forbidden negative', { ...ok, forbidden: [-1] }, /problem\.forbidden\[0\] is -1/], ['fixed and forbidden', { ...ok, fixed: [1], forbidden: [1] }, /problem\.fixed and problem\.forbidden both name candidate 1/],
  ['timeLimitMs 0', { ...ok, timeLimitMs: 0 }, /problem\.timeLimitMs must be a finite number > 0/], ['timeLimitMs Infinity', { ...ok, timeLimitMs: Infinity }, /problem\.timeLimitMs/],
  ['a negative seed', { ...ok, seed: -1 }, /problem\.seed/], ['an unknown kernel', { ...ok, kernel: 'gpu' }, /problem\.kernel must be "wasm" or "js"/],
  ['an unknown field', { ...ok, netwrok: 1 }, /problem\.netwrok is not a field of a placement problem/],
];
const placementCases: Case[] = BAD_PROBLEMS.map(([label, problem, field]): Case => [`solvePlacement with ${label}`, () => solvePlacement(problem as never), field]);

// Scenarios: the path of the broken field, for plan() and for whatIf().
const scenario = { markets: { countries: ['ID', 'TH'] }, slo: { defaultMs: 60 } };
const BAD_SCENARIOS: readonly (readonly [string, unknown, RegExp])[] = [
  ['null', null, /scenario must be an object/], ['a string', 'scenario.json', /scenario must be an object/], ['an array', [], /scenario must be an object/],
  ['an unknown field', { ...scenario, objectiv: {} }, /scenario\.objectiv is not a scenario field.*Did you mean "objective"/], ['a __proto__ field', JSON.parse('{"__proto__": {"x": 1}}'), /scenario\.__proto__ is not a scenario field/],
  ['an unknown network', { ...scenario, network: 'lan' }, /scenario\.network must be one of/], ['markets a number', { ...scenario, markets: 5 }, /scenario\.markets must be a list of bundled market ids and points, or { countries: \[...\] }; got 5/],
  ['an unknown market', { ...scenario, markets: ['id-jakarta', 'id-jakrta'] }, /scenario\.markets\[1\] is "id-jakrta", which is not a bundled market id.*Did you mean "id-jakarta"/],
  ['a repeated market', { ...scenario, markets: ['id-jakarta', 'id-jakarta'] }, /scenario\.markets\[1\] repeats the market "id-jakarta"/],
  ['a point without id', { ...scenario, markets: [{ coordinates: [100, 10] }] }, /scenario\.markets\[0\]\.id must be a non-empty string/],
  ['a point with swapped coordinates', { ...scenario, markets: [{ id: 'p', coordinates: [10, 100] }] }, /scenario\.markets\[0\]\.coordinates\[1\] \(latitude\) is 100/],
  ['a point with three coordinates', { ...scenario, markets: [{ id: 'p', coordinates: [10, 10, 1] }] }, /scenario\.markets\[0\]\.coordinates must be \[lon, lat\]/],
  ['a point with a negative weight', { ...scenario, markets: [{ id: 'p', coordinates: [106.8, -6.2], weight: -1 }] }, /scenario\.markets\[0\]\.weight must be a number > 0/],
  ['a point with a bad country', { ...scenario, markets: [{ id: 'p', coordinates: [106.8, -6.2], country: 'IDN' }] }, /scenario\.markets\[0\]\.country must be an ISO 3166-1 alpha-2 code/],
  ['a point with negative access', { ...scenario, markets: [{ id: 'p', coordinates: [106.8, -6.2], accessMs: -5 }] }, /scenario\.markets\[0\]\.accessMs must be a finite number of milliseconds >= 0/],
  ['a point with an unknown field', { ...scenario, markets: [{ id: 'p', coordinates: [106.8, -6.2], wieght: 2 }] }, /scenario\.markets\[0\]\.wieght is not a scenario field/],
  ['a point in the ocean', { ...scenario, markets: [{ id: 'ocean', coordinates: [-140, -45] }] }, /scenario\.markets \("ocean"\)/],
  ['an unknown market country', { ...scenario, markets: { countries: ['ID', 'XX'] } }, /scenario\.markets\.countries\[1\] must be an ISO 3166-1 alpha-2 code/],
  ['a market country without markets', { ...scenario, markets: { countries: ['AQ'] } }, /scenario\.markets\.countries\[0\] is "AQ", which has no bundled market/],
  ['no market selected', { ...scenario, markets: [] }, /scenario\.markets selects no market/], ['an unknown weighting', { ...scenario, weights: 'gdp' }, /scenario\.weights must be one of "population", "equal"/],
  ['slo a number', { ...scenario, slo: 100 }, /scenario\.slo must be an object/], ['slo 0', { ...scenario, slo: { defaultMs: 0 } }, /scenario\.slo\.defaultMs must be a number > 0/],
  ['slo missing', { ...scenario, slo: {} }, /scenario\.slo\.defaultMs must be a number > 0/], ['confidence 90', { ...scenario, slo: { defaultMs: 60, confidence: 90 } }, /scenario\.slo\.confidence must be a number strictly between 0 and 1/],
  ['confidence 0', { ...scenario, slo: { defaultMs: 60, confidence: 0 } }, /scenario\.slo\.confidence/], ['access Infinity', { ...scenario, slo: { defaultMs: 60, accessMs: Infinity } }, /scenario\.slo\.accessMs must be a finite number/],
  ['access as text', { ...scenario, slo: { defaultMs: 60, accessMs: '20' } }, /scenario\.slo\.accessMs/], ['tiers an object', { ...scenario, slo: { defaultMs: 60, tiers: {} } }, /scenario\.slo\.tiers must be an array/],
  ['a tier without name', { ...scenario, slo: { defaultMs: 60, tiers: [{ sloMs: 30 }] } }, /scenario\.slo\.tiers\[0\]\.name must be a non-empty string/],
  ['a tier with SLO -1', { ...scenario, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: -1 }] } }, /scenario\.slo\.tiers\[0\]\.sloMs must be a number > 0/],
  ['a tier naming an unknown market', { ...scenario, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: 30, markets: ['id-nowhere'] }] } }, /scenario\.slo\.tiers\[0\]\.markets\[0\] is "id-nowhere", which is not a market of this scenario/],
  ['a tier with a typo country', { ...scenario, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: 30, countries: ['TN'] }] } }, /scenario\.slo\.tiers\[0\]\.countries\[0\] is "TN", which has no market in this scenario.*Did you mean "TH"/],
  ['a tier with an unknown field', { ...scenario, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: 30, slo: 5 }] } }, /scenario\.slo\.tiers\[0\]\.slo is not a scenario field/],
  ['a tier with negative access', { ...scenario, slo: { defaultMs: 60, tiers: [{ name: 't', sloMs: 30, accessMs: -1 }] } }, /scenario\.slo\.tiers\[0\]\.accessMs/],
  ['an unknown objective', { ...scenario, objective: { type: 'cheapest' } }, /scenario\.objective\.type must be one of/],
  ['k missing', { ...scenario, objective: { type: 'least-mean-latency' } }, /scenario\.objective\.k is required for "least-mean-latency"/],
  ['k 0', { ...scenario, objective: { type: 'most-covered', k: 0 } }, /scenario\.objective\.k must be a positive integer/],
  ['k beyond the candidates', { ...scenario, objective: { type: 'most-covered', k: 1000 } }, /scenario\.objective\.k is 1000 but the scenario has \d+ candidates/],
  ['candidates a list', { ...scenario, candidates: [] }, /scenario\.candidates must be an object/], ['an unknown status', { ...scenario, candidates: { statuses: ['opened'] } }, /scenario\.candidates\.statuses\[0\] must be one of/],
  ['an unknown region', { ...scenario, candidates: { regions: ['ap-southeast-l'] } }, /scenario\.candidates\.regions\[0\] is "ap-southeast-l".*Did you mean "ap-southeast-1"/],
  ['no candidate', { ...scenario, candidates: { regions: [] } }, /scenario\.candidates selects no candidate site/],
  ['an unknown greenfield id', { ...scenario, candidates: { greenfield: ['gf-nowhere'] } }, /scenario\.candidates\.greenfield\[0\] is "gf-nowhere", which is not a bundled greenfield site/],
  ['a greenfield point without id', { ...scenario, candidates: { greenfield: [{ coordinates: [100, 10] }] } }, /scenario\.candidates\.greenfield\[0\]\.id must be a non-empty string/],
  ['a repeated candidate', { ...scenario, candidates: { regions: ['ap-southeast-1'], greenfield: [{ id: 'ap-southeast-1', coordinates: [103.8, 1.3] }] } }, /scenario\.candidates names the site "ap-southeast-1" twice/],
  ['an unknown required region', { ...scenario, constraints: { required: ['ap-southeast-9'] } }, /scenario\.constraints\.required\[0\] is "ap-southeast-9"/],
  ['a region required and excluded', { ...scenario, constraints: { required: ['ap-southeast-1'], excluded: ['ap-southeast-1'] } }, /scenario\.constraints lists "ap-southeast-1" as both required and excluded/],
  ['residency a list', { ...scenario, constraints: { residency: [] } }, /scenario\.constraints\.residency must be an object/],
  ['residency for a country not planned', { ...scenario, constraints: { residency: { countries: ['IN'] } } }, /scenario\.constraints\.residency\.countries\[0\] is "IN", which has no market in this scenario/],
  ['residency for an unknown market', { ...scenario, constraints: { residency: { markets: ['id-jakarta-2'] } } }, /scenario\.constraints\.residency\.markets\[0\] is "id-jakarta-2"/],
  ['residency for a point without country', { markets: [{ id: 'p', coordinates: [106.8, -6.2] }], constraints: { residency: { markets: ['p'] } } }, /scenario\.markets\[0\]\.country is missing/],
  ['an unknown constraint', { ...scenario, constraints: { forbidden: [] } }, /scenario\.constraints\.forbidden is not a scenario field/],
  ['redundancy 0', { ...scenario, redundancy: 0 }, /scenario\.redundancy must be a positive integer/], ['redundancy 1.5', { ...scenario, redundancy: 1.5 }, /scenario\.redundancy/],
  ['redundancy with most-covered', { ...scenario, objective: { type: 'most-covered', k: 1 }, redundancy: 3 }, /scenario\.redundancy is 3, but backup regions apply to the "fewest-regions" objective only/],
];
const scenarioCases: Case[] = BAD_SCENARIOS.flatMap(([label, bad, field]): Case[] => [
  [`plan with ${label}`, () => plan(bad as never), field],
  [`whatIf with ${label}`, () => whatIf(bad as never, { cutCorridors: ['red-sea'] }), field],
]);

const planOptionCases: Case[] = [
  ['plan options null', () => plan(scenario, null as never), /plan: options must be an object/], ['plan options misspelt', () => plan(scenario, { cutCorridor: ['red-sea'] } as never), /plan: options\.cutCorridor is not an option/],
  ['plan time limit 0', () => plan(scenario, { timeLimitMs: 0 }), /plan: options\.timeLimitMs must be a finite number of milliseconds > 0/],
  ['plan failing an unknown region', () => plan(scenario, { removeRegions: ['ap-southeast-l'] }), /options\.removeRegions\[0\] is "ap-southeast-l", which is not a region/],
  ['plan failing a closed region', () => plan(scenario, { removeRegions: ['ap-south-1'] }), /is not a candidate of this scenario \(its status is closed\)/],
  ['whatIf cuts null', () => whatIf(scenario, null as never), /whatIf: options must be an object/], ['whatIf an unknown cable', () => whatIf(scenario, { cutCables: ['x'] }), /cutCables\[0\] is "x", which is not a cable/],
  ['sweep scenario null', () => sweep(null as never, { k: { from: 1, to: 2 } }), /sweep: scenario must be a scenario object/],
  ['sweep range null', () => sweep(scenario, null as never), /sweep: range must be/], ['sweep a million steps', () => sweep(scenario, { k: { from: 1, to: 1e6 } }), /sweep: range has 1000000 steps/],
  ['sweep a tiny step', () => sweep(scenario, { sloMs: { from: 1, to: 2, step: 1e-300 } }), /sweep: range has about 1e\+300 steps/],
  ['sweep a negative step', () => sweep(scenario, { sloMs: { from: 1, to: 2, step: -1 } }), /sweep: range\.sloMs\.step must be a number > 0/],
  ['sweep k to below from', () => sweep(scenario, { k: { from: 3, to: 2 } }), /sweep: range\.k\.to must be/], ['sweep onStep a string', () => sweep(scenario, { k: { from: 1, to: 2 } }, {}, 'x' as never), /sweep: onStep must be a function/],
];

const reportCases: Case[] = [
  ['renderMapSvg of null', () => renderMapSvg(null as never), /renderMapSvg: plan must be a plan/], ['renderMapSvg title 5', () => renderMapSvg(goodPlan(), { title: 5 as never }), /renderMapSvg: options\.title must be a string/],
  ['renderMapSvg width NaN', () => renderMapSvg(goodPlan(), { width: Number.NaN }), /renderMapSvg: options\.width must be a number of pixels/],
  ['renderMapSvg height Infinity', () => renderMapSvg(goodPlan(), { height: Infinity }), /renderMapSvg: options\.height/], ['renderMapSvg width 10', () => renderMapSvg(goodPlan(), { width: 10 }), /options\.width/],
  ['renderMapSvg an unknown option', () => renderMapSvg(goodPlan(), { colour: 'red' } as never), /renderMapSvg: options\.colour is not an option/],
  ['renderMapSvg options null', () => renderMapSvg(goodPlan(), null as never), /renderMapSvg: options must be an object/],
  ['renderReportHtml of a string', () => renderReportHtml('plan' as never), /renderReportHtml: plan must be a plan/], ['renderReportHtml parts null', () => renderReportHtml(goodPlan(), null as never), /renderReportHtml: parts must be an object/],
  ['renderReportHtml an unknown part', () => renderReportHtml(goodPlan(), { map: true } as never), /renderReportHtml: parts\.map is not a report part/],
  ['toFeatureCollection of {}', () => toFeatureCollection({} as never), /toFeatureCollection: plan must be a plan/],
];

const triangle = () => {
  const graph = new Graph({ type: 'undirected' });
  graph.mergeEdge('a', 'b', { weight: 1 });
  graph.mergeEdge('b', 'c', { weight: 2 });
  return graph;
};
const withWeight = (weight: unknown) => {
  const graph = triangle();
  graph.setEdgeAttribute('a', 'b', 'weight', weight);
  return graph;
};
const graphCases: Case[] = [
  ...([['negative', -1], ['NaN', Number.NaN], ['Infinity', Infinity], ['text', '1'], ['null', null], ['an object', {}]] as const).map(([label, weight]): Case => [
    `a ${label} edge weight`, () => shortestPath.singleSourceLength(withWeight(weight), 'a'), /shortestPath\.singleSourceLength: edge attribute "weight" is/,
  ]),
  ['an overflowing path', () => shortestPath.path(withWeight(1e308), 'a', 'c'), /could sum past the largest number/],
  ['an unknown source', () => shortestPath.singleSourceLength(triangle(), 'z'), /source/], ['an unknown target', () => shortestPath.path(triangle(), 'a', 'z'), /target/],
  ['not a graph', () => shortestPath.singleSourceLength({} as never, 'a'), /graph/], ['a bad getEdgeWeight', () => shortestPath.singleSourceLength(triangle(), 'a', { getEdgeWeight: 5 as never }), /getEdgeWeight/],
  ['an unknown matrix method', () => shortestPath.createLatencyIndex(triangle()).matrix({ method: 'bellman-ford' as never }), /options\.method must be one of/],
];

const calibrationCases: Case[] = [
  ['calibrate no measurements', () => calibrate([]), /calibrate: measurements must be a non-empty array/], ['calibrate a non-list', () => calibrate('x' as never), /calibrate: measurements/],
  ['calibrate a zero RTT', () => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 0 }]), /calibrate: measurements\[0\]\.rttMs must be a finite number of milliseconds > 0/],
  ['calibrate a NaN RTT', () => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: Number.NaN }]), /measurements\[0\]\.rttMs/],
  ['calibrate a bad endpoint', () => calibrate([{ from: 'nowhere', to: 'ap-southeast-1', rttMs: 5 }]), /calibrate: measurements\[0\]\.from is "nowhere"/],
  ['calibrate only faster than light', () => calibrate([{ from: 'br-sao-paulo', to: 'ap-southeast-1', rttMs: 5 }]), /calibrate: measurements are all faster than light in fibre/],
  ['calibrate an unknown network', () => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 20 }], { network: 'radio' as never }), /calibrate: options\.network/],
  ['calibrate a negative initial hop', () => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 20 }], { initial: { hopMs: -1 } }), /calibrate: options\.initial\.hopMs/],
  ['calibrate maxEvaluations 0', () => calibrate([{ from: 'id-jakarta', to: 'ap-southeast-1', rttMs: 20 }], { maxEvaluations: 0 }), /calibrate: options\.maxEvaluations/],
];

const API_CASES: Case[] = [
  ...endpointCases, ...optionCases, ...matrixCases, ...placementCases, ...scenarioCases, ...planOptionCases, ...reportCases, ...graphCases, ...calibrationCases,
];

// The CLI, run as a user runs it: flags, scenario files and CSV rows.
const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'geoslo-reliability-'));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const pairsHeader = 'from_lon,from_lat,to_lon,to_lat';
const CLI_CASES: readonly (readonly [string, string[], RegExp])[] = [
  ['an unknown command', ['plna'], /unknown command "plna"\. Did you mean "plan"\?/], ['a foreign option', ['regions', '--k', '3'], /--k is not an option of regions/],
  ['an unknown flag', ['plan', '--kk', '3'], /Unknown option '--kk'/], ['a missing flag value', ['plan', '--k'], /--k/],
  ['--k 0', ['plan', '--k', '0'], /geoslo\/plan: --k must be a number > 0; got "0"/], ['--slo abc', ['plan', '--slo', 'abc'], /--slo must be a number > 0; got "abc"/],
  ['--format pdf', ['plan', '--format', 'pdf'], /--format must be one of table, json, geojson, html; got "pdf"/], ['--objective cheapest', ['plan', '--objective', 'cheapest'], /scenario\.objective\.type must be one of/],
  ['--network wifi', ['plan', '--network', 'wifi'], /--network must be one of/], ['--confidence 1', ['plan', '--confidence', '1'], /--confidence must be a number strictly between 0 and 1/],
  ['--fail a typo', ['plan', '--fail', 'ap-southeast-l'], /--fail ap-southeast-l is "ap-southeast-l", which is not a region\. Did you mean/],
  ['--fail a closed region', ['plan', '--fail', 'ap-south-1'], /--fail ap-south-1 .*\(its status is closed\)/], ['--cut nonsense', ['plan', '--cut', 'nonsense'], /--cut nonsense is "nonsense", which is not a cable/],
  ['--cut-corridor typo', ['plan', '--cut-corridor', 'red sea'], /--cut-corridor red sea .* Did you mean "red-sea"\?/],
  ['sweep without a range', ['sweep'], /sweep: --k\/--slo give exactly one/], ['sweep a bad range', ['sweep', '--k', '1-29'], /--k must be FROM:TO/],
  ['sweep too many steps', ['sweep', '--slo', '1:1000:0.001'], /range has \d+ steps; at most 200/], ['rtt without pairs', ['rtt'], /rtt needs --pairs FILE\.csv/],
  ['rtt --quantile 2', ['rtt', '--pairs', 'x.csv', '--quantile', '2'], /--quantile must be a number strictly between 0 and 1/],
  ['a scenario that is not JSON', ['plan', file('bad.json', '{ markets: ')], /is not valid JSON/], ['a scenario that is null', ['plan', file('null.json', 'null')], /must hold one JSON object/],
  ['a scenario that is a list', ['plan', file('list.json', '[1]')], /must hold one JSON object/], ['a scenario with __proto__', ['plan', file('proto.json', '{"__proto__": {"k": 1}}')], /scenario\.__proto__ is not a scenario field/],
  ['a scenario with a typo field', ['plan', file('typo.json', '{"markts": ["id-jakarta"]}')], /scenario\.markts is not a scenario field.*Did you mean "markets"/],
  ['a scenario with a BOM', ['plan', file('bom.json', '\uFEFF{"slo": {"defaultMs": -1}}')], /scenario\.slo\.defaultMs must be a number > 0|is not valid JSON/],
  ['a missing scenario', ['plan', join(scratch, 'missing.json')], /cannot read scenario file ".*missing\.json": no such file/], ['a folder as scenario', ['plan', scratch], /it is a folder; name a file/],
  ['--out into a missing folder', ['regions', '--out', join(scratch, 'no', 'x.txt')], /cannot write ".*x\.txt": the folder .* does not exist/],
  ['--out through a file', ['regions', '--out', join(file('plain', 'x'), 'x.txt')], /a part of the path is a file, not a folder/],
  ['--out a long name', ['regions', '--out', join(scratch, 'l'.repeat(300))], /the name is too long/], ['--out a folder', ['markets', '--out', scratch], /it is a folder; name a file/],
  ['pairs missing a column', ['rtt', '--pairs', file('p1.csv', 'from_lon,from_lat,to_lon\n1,2,3\n')], /has no column to_lat/],
  ['pairs with a short row', ['rtt', '--pairs', file('p2.csv', `${pairsHeader}\n106.8,-6.2,103.8\n`)], /line 2 has 3 fields but the header has 4/],
  ['pairs with text', ['rtt', '--pairs', file('p3.csv', `${pairsHeader}\n106.8,south,103.8,1.3\n`)], /line 2, column from_lat must be a number of degrees; got "south"/],
  ['pairs with a swapped point', ['rtt', '--pairs', file('p4.csv', `${pairsHeader}\n106.8,-6.2,1.35,103.8\n`)], /line 2, columns to_lon,to_lat.*looks like \[lat, lon\]/],
  ['pairs with an unclosed quote', ['rtt', '--pairs', file('p5.csv', `${pairsHeader}\n"106.8,-6.2,103.8,1.3\n`)], /--pairs .*p5\.csv/],
  ['pairs with CRLF and a bad cell', ['rtt', '--pairs', file('p6.csv', `${pairsHeader}\r\n106.8,-6.2,103.8,x\r\n`)], /line 2, column to_lat must be a number of degrees; got "x"/],
  ['pairs with a BOM and an rtt_ms column', ['rtt', '--pairs', file('p7.csv', `\uFEFF${pairsHeader},rtt_ms\n1,1,2,2,3\n`)], /already has a rtt_ms column/],
  ['pairs with an empty cell', ['rtt', '--pairs', file('p8.csv', `${pairsHeader}\n106.8,,103.8,1.3\n`)], /line 2, column from_lat must be a number of degrees; got ""/],
  ['pairs in the ocean', ['rtt', '--pairs', file('p9.csv', `${pairsHeader}\n-140,-45,103.8,1.3\n`)], /line 2, columns from_lon,from_lat/],
  ['pairs with a quoted number', ['rtt', '--pairs', file('p10.csv', `${pairsHeader}\n"106.8",-6.2,103.8,"1.3x"\n`)], /line 2, column to_lat must be a number of degrees; got "1\.3x"/],
  ['a missing pairs file', ['rtt', '--pairs', join(scratch, 'none.csv')], /cannot read pairs file ".*none\.csv": no such file/],
];

describe('reliability: every bad input gets a typed error naming the field, and nothing is lost', () => {
  it(`has at least 300 distinct cases (${API_CASES.length + CLI_CASES.length})`, () => {
    const labels = [...API_CASES.map(([label]) => label), ...CLI_CASES.map(([label]) => `cli ${label}`)];
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeGreaterThanOrEqual(300);
  });

  const before = goodAnswers();

  it.each(API_CASES)('%s', (_label, call, field) => {
    let thrown: unknown = null;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GeosloError);
    expect((thrown as Error).message).toMatch(field);
  });

  it.each(CLI_CASES)('cli %s', (_label, args, message) => {
    const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: scratch });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('still gives the same answers to good calls afterwards', () => {
    expect(goodAnswers()).toEqual(before);
  });
});
