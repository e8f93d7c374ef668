export { checkLonLat, isPointLike, toLonLat, type LonLat, type PointInput } from './coordinates.js';
export { FIBRE_KM_PER_SECOND, FIBRE_RTT_MS_PER_KM, fibreLowerBoundMs, greatCircleKm } from './great-circle.js';
