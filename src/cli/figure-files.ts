// --costs FILE.csv and --demand FILE.csv: the user's own figures (a monthly cost per candidate
// site; a demand weight per country or market), read into the scenario before it is planned. An
// error the scenario check raises about one of those figures is rethrown naming the file and the
// line it came from, as the user sees it in an editor.

import { complaintOf, InvalidArgumentError } from '../errors.js';
import { COSTS_COLUMNS, csvFigures, type CsvFigures, DEMAND_COLUMNS } from '../plan/costs-and-demand.js';
import { readTextFile } from './output.js';

export interface FigureFiles {
  readonly costs?: string;
  readonly demand?: string;
}

interface Loaded {
  readonly flag: string;
  readonly file: string;
  /** The scenario field the figures went into, e.g. scenario.candidates.costs. */
  readonly field: string;
  readonly csv: CsvFigures;
}

/** Reads the files into `scenario` (in place) and returns what was loaded, for naming rows in errors. */
export function loadFigureFiles(scenario: Record<string, unknown>, files: FigureFiles): Loaded[] {
  const loaded: Loaded[] = [];
  if (files.costs !== undefined) {
    const csv = csvFigures(readTextFile(files.costs, 'costs file'), `--costs ${files.costs}`, COSTS_COLUMNS.key, COSTS_COLUMNS.value);
    scenario.candidates = { ...(scenario.candidates as object | undefined), costs: csv.figures };
    loaded.push({ flag: '--costs', file: files.costs, field: 'scenario.candidates.costs', csv });
  }
  if (files.demand !== undefined) {
    const csv = csvFigures(readTextFile(files.demand, 'demand file'), `--demand ${files.demand}`, DEMAND_COLUMNS.key, DEMAND_COLUMNS.value);
    const byCountry = csv.keyColumn === 'country';
    scenario.weights = byCountry ? { countries: csv.figures } : { markets: csv.figures };
    loaded.push({ flag: '--demand', file: files.demand, field: `scenario.weights.${byCountry ? 'countries' : 'markets'}`, csv });
  }
  return loaded;
}

/** Runs `action`; an error about a loaded figure names its file and line instead of the scenario field. */
export function namingRows<T>(loaded: readonly Loaded[], action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const detail = complaintOf(error);
    for (const source of loaded) {
      if (error.field === source.field || error.field === source.field.replace(/\.(countries|markets)$/, '')) {
        throw new InvalidArgumentError(`${source.flag} ${source.file}`, detail);
      }
      if (error.field.startsWith(`${source.field}.`)) {
        const key = error.field.slice(source.field.length + 1);
        const named = detail.includes(`"${key}"`) ? detail : `"${key}" ${detail}`;
        throw new InvalidArgumentError(`${source.flag} ${source.file} line ${source.csv.lines[key]}, column ${source.csv.keyColumn}`, named);
      }
    }
    throw error;
  }
}
