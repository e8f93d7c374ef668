// The `geoslo` command. Every failure prints one line naming what was wrong and exits non-zero;
// nothing is written unless the whole command succeeded. Each command takes only its own options.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GeosloError, publicEntry } from '../errors.js';
import { resolveNetwork } from '../latency/network.js';
import { didYouMean } from '../util/suggest.js';
import { cablesTable, corridorsTable, marketsTable, regionsTable } from './commands/data-tables.js';
import { planCommand } from './commands/plan.js';
import { rttCsv } from './commands/rtt.js';
import { sweepCommand } from './commands/sweep.js';
import { fractionFlag, namingFlags } from './flags.js';
import { type CommandOutput, commitOutput } from './output.js';

const USAGE = `Usage: geoslo <command> [options]

Commands:
  plan [scenario.json]   plan regions for a scenario (the bundled connected-vehicle
                         scenario without one): --slo MS, --k N, --objective TYPE,
                         --network internet|backbone (how users reach the sites),
                         --confidence Q (judge SLOs on that RTT quantile),
                         --fail REGION, --cut CABLE, --cut-corridor NAME,
                         --format table|json|geojson|html; without a scenario it
                         also writes out/plan.html and out/plan.geojson;
                         --criticality ranks every single cable, corridor and
                         site failure by the demand losing its SLO
  --costs FILE.csv       plan, sweep: a cost per candidate (columns site,cost)
  --demand FILE.csv      plan, sweep: demand weights (columns country,weight or
                         market,weight) in place of population
  sweep [scenario.json]  plan once per step: --k FROM:TO regions, or --slo
                         FROM:TO:STEP ms; coverage, mean and worst RTT per step;
                         --fail, --cut, --cut-corridor, --format table|json
  rtt --pairs FILE.csv   model the round-trip time of each row's pair of points
                         (columns from_lon,from_lat,to_lon,to_lat) and write the rows
                         back as CSV with rtt_ms, network and quantile:
                         --network backbone|internet (default backbone),
                         --quantile Q (default 0.5, the median), --cut, --cut-corridor
  regions                the provider's regions, with status
  markets                the bundled metro markets, with population
  cables                 the submarine cable systems --cut takes
  corridors              the corridors --cut-corridor takes, with their cables
  version                print the version

Options:
  --out FILE             write to FILE (replaced whole) instead of standard output
  --fail REGION          what-if: the region has failed; repeatable
  --cut CABLE            what-if: cut a submarine cable (id or name); repeatable
  --cut-corridor NAME    what-if: cut every cable segment in a corridor (e.g. red-sea); repeatable
  -h, --help             show this message

Coordinates are [lon, lat] in degrees everywhere; RTTs are milliseconds.
`;

class UsageError extends Error {}

const WHAT_IF = ['fail', 'cut', 'cut-corridor'];
/** The options each command takes; --out everywhere. */
const COMMAND_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  plan: ['slo', 'k', 'objective', 'format', 'network', 'confidence', 'criticality', 'costs', 'demand', ...WHAT_IF],
  sweep: ['slo', 'k', 'format', 'costs', 'demand', ...WHAT_IF],
  rtt: ['pairs', 'network', 'quantile', 'cut', 'cut-corridor'],
  regions: [],
  markets: [],
  cables: [],
  corridors: [],
  version: [],
  help: [],
};

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

type Values = Record<string, string | string[] | boolean | undefined>;

function checkCommand(command: string, rest: readonly string[], values: Values): void {
  const known = Object.keys(COMMAND_OPTIONS);
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}".${didYouMean(command, known)}`);
  const takesScenario = command === 'plan' || command === 'sweep';
  if (rest.length > (takesScenario ? 1 : 0)) {
    throw new UsageError(takesScenario ? `${command} takes one scenario file; got "${rest.join('", "')}".` : `${command} takes no argument; got "${rest[0]}".`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'out' || name === 'help' || name === 'version') continue;
    if (!COMMAND_OPTIONS[command].includes(name)) {
      const takes = COMMAND_OPTIONS[command].map((option) => `--${option}`);
      throw new UsageError(`--${name} is not an option of ${command}; ${takes.length === 0 ? `${command} takes only --out` : `it takes ${takes.join(', ')}, --out`}.`);
    }
  }
}

function run(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      pairs: { type: 'string' },
      out: { type: 'string' },
      cut: { type: 'string', multiple: true },
      'cut-corridor': { type: 'string', multiple: true },
      fail: { type: 'string', multiple: true },
      slo: { type: 'string' },
      k: { type: 'string' },
      objective: { type: 'string' },
      format: { type: 'string' },
      network: { type: 'string' },
      quantile: { type: 'string' },
      confidence: { type: 'string' },
      criticality: { type: 'boolean' },
      costs: { type: 'string' },
      demand: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version || command === 'version') return commitOutput({ text: `${packageVersion()}\n` }, undefined);
  if (values.help || command === undefined || command === 'help') return commitOutput({ text: USAGE }, undefined);
  checkCommand(command, rest, values);
  const whatIfFlags = { '--fail': values.fail, '--cut': values.cut, '--cut-corridor': values['cut-corridor'] };
  const commandOutput = (): CommandOutput => {
    switch (command) {
      case 'plan':
        return namingFlags(whatIfFlags, () => planCommand(rest[0], {
          slo: values.slo, k: values.k, objective: values.objective, fail: values.fail, cut: values.cut,
          cutCorridor: values['cut-corridor'], format: values.format, network: values.network, confidence: values.confidence,
          criticality: values.criticality, costs: values.costs, demand: values.demand,
        }));
      case 'sweep':
        return { text: namingFlags(whatIfFlags, () => sweepCommand(rest[0], {
          k: values.k, slo: values.slo, format: values.format, fail: values.fail, cut: values.cut, cutCorridor: values['cut-corridor'],
          costs: values.costs, demand: values.demand,
        })) };
      case 'rtt':
        if (values.pairs === undefined) throw new UsageError('rtt needs --pairs FILE.csv (columns from_lon,from_lat,to_lon,to_lat).');
        return { text: namingFlags(whatIfFlags, () => rttCsv(values.pairs as string, {
          cutCables: values.cut, cutCorridors: values['cut-corridor'],
          network: resolveNetwork(values.network, '--network', 'backbone'),
          quantile: values.quantile === undefined ? 0.5 : fractionFlag(values.quantile, '--quantile'),
        })) };
      case 'regions':
        return { text: regionsTable() };
      case 'markets':
        return { text: marketsTable() };
      case 'cables':
        return { text: cablesTable() };
      default:
        return { text: corridorsTable() };
    }
  };
  // Errors name the command the user typed (geoslo/plan:), not the library functions it calls.
  publicEntry(command, () => commitOutput(commandOutput(), values.out));
}

function main(argv: string[]): number {
  try {
    run(argv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      // One line, like every other failure; the usage is one --help away.
      process.stderr.write(`geoslo: ${error.message} (geoslo --help lists commands and options)\n`);
      return 2;
    }
    if (error instanceof GeosloError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
