// The bundled default scenario (data/scenarios/connected-vehicle.json): a connected-vehicle
// platform serving markets from Southeast Asia through the Middle East to Mexico and South
// America, 100 ms RTT by default and 50 ms for a real-time tier, on the operating regions.

import connectedVehicle from '../../data/scenarios/connected-vehicle.json';
import type { Scenario } from './scenario.js';

/**
 * The bundled connected-vehicle scenario (data/scenarios/connected-vehicle.json), the one
 * `npm run plan` plans.
 */
export const defaultScenario: Scenario = connectedVehicle as Scenario;
