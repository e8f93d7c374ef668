export { renderMapSvg, type MapOptions } from './map-svg.js';
export { renderReportHtml, type ReportParts } from './report-html.js';
export { renderSweepSvg } from './sweep-svg.js';
export { planFeatureCollection as toFeatureCollection } from './plan-geojson.js';
export { planJson } from './plan-json.js';
export { planTable } from './plan-table.js';
