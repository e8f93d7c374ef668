// The `geoslo` command. Every failure prints one line naming what was wrong and exits non-zero;
// nothing is written unless the whole command succeeded.

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { GeosloError } from '../errors.js';
import { marketsTable, regionsTable } from './commands/data-tables.js';
import { planCommand } from './commands/plan.js';
import { sweepCommand } from './commands/sweep.js';
import { rttCsv } from './commands/rtt.js';
import { writeOutput } from './output.js';
import { fractionFlag } from './flags.js';
import { resolveNetwork } from '../latency/network.js';

const USAGE = `Usage: geoslo <command> [options]

Commands:
  plan [scenario.json]   plan regions for a scenario (the bundled connected-vehicle
                         scenario without one): --slo MS, --k N, --objective TYPE,
                         --network internet|backbone (how users reach the sites),
                         --confidence Q (judge SLOs on that RTT quantile),
                         --fail REGION, --format table|json|geojson|html;
                         without a scenario it also writes out/plan.html
                         and out/plan.geojson
  sweep [scenario.json]  plan once per step: --k FROM:TO regions, or --slo
                         FROM:TO:STEP ms; coverage, mean and worst RTT per step
  rtt --pairs FILE.csv   model the round-trip time of each row's pair of points
                         (columns from_lon,from_lat,to_lon,to_lat) and write the rows
                         back as CSV with rtt_ms, network and quantile:
                         --network backbone|internet (default backbone),
                         --quantile Q (default 0.5, the median)
  regions                the provider's regions, with status
  markets                the bundled metro markets, with population
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

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
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
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version || command === 'version') {
    writeOutput(`${packageVersion()}\n`, undefined);
    return;
  }
  if (values.help || command === undefined || command === 'help') {
    writeOutput(USAGE, undefined);
    return;
  }
  if (command === 'plan') {
    if (rest.length > 1) throw new UsageError(`plan takes one scenario file; got "${rest.join('", "')}".`);
    const output = planCommand(rest[0], {
      slo: values.slo, k: values.k, objective: values.objective, fail: values.fail, cut: values.cut,
      cutCorridor: values['cut-corridor'], format: values.format, network: values.network, confidence: values.confidence,
    });
    for (const file of output.files) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeOutput(file.content, file.path);
    }
    writeOutput(output.text, values.out);
    return;
  }
  if (command === 'sweep') {
    if (rest.length > 1) throw new UsageError(`sweep takes one scenario file; got "${rest.join('", "')}".`);
    writeOutput(sweepCommand(rest[0], {
      k: values.k, slo: values.slo, format: values.format, fail: values.fail, cut: values.cut, cutCorridor: values['cut-corridor'],
    }), values.out);
    return;
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" after "${command}".`);
  switch (command) {
    case 'regions':
      writeOutput(regionsTable(), values.out);
      return;
    case 'markets':
      writeOutput(marketsTable(), values.out);
      return;
    case 'rtt':
      if (values.pairs === undefined) throw new UsageError('rtt needs --pairs FILE.csv (columns from_lon,from_lat,to_lon,to_lat).');
      writeOutput(rttCsv(values.pairs, {
        cutCables: values.cut, cutCorridors: values['cut-corridor'],
        network: resolveNetwork(values.network, 'rtt', '--network', 'backbone'),
        quantile: values.quantile === undefined ? 0.5 : fractionFlag(values.quantile, 'rtt', '--quantile'),
      }), values.out);
      return;
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

function main(argv: string[]): number {
  try {
    run(argv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`geoslo: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof GeosloError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      process.stderr.write(`geoslo: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
