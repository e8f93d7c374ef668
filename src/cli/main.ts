// The `geoslo` command. Subcommands arrive with the planner; for now it reports its version and usage.

import { readFileSync } from 'node:fs';

const USAGE = `Usage: geoslo <command> [options]

Commands:
  help       show this message
  version    print the version

Options:
  -h, --help     show this message
  -v, --version  print the version
`;

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function main(argv: string[]): number {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'version' || command === '-v' || command === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  process.stderr.write(`geoslo: unknown command "${command}".\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
