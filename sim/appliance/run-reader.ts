// The shared main of the emulated appliance's composition roots (emulated-readerd.ts and
// faulty-readerd.ts): the configuration file, the seams each root chooses, signals. They run
// the same reader composition as readerd; only the seams differ.
import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../../firmware-host/config.js';
import { withBrokerPassword } from '../../firmware-host/config-secrets.js';
import { composeReader, type ReaderSeams } from '../../firmware-host/reader-composition.js';
import { parseCli, reportError, untilStopped } from '../../platform/cli.js';
import { createLogger, type Logger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface SimReaderRoot<O extends Options> {
  readonly prog: string;
  readonly help: string;
  readonly options: O;
  /** The seams this root composes the reader with, from its own options. */
  seams(values: Record<string, unknown>, log: Logger): ReaderSeams;
}

export async function runSimReader<O extends Options>(
  argv: string[],
  root: SimReaderRoot<O>,
): Promise<number> {
  const t0 = performance.now();
  // Generic options widen parseArgs' result type; the values are read by name below.
  const values: Record<string, unknown> = parseCli(argv, {
    ...root.options,
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  }).values;
  if (values.help) {
    process.stdout.write(`${root.help}\n`);
    return 0;
  }
  if (typeof values.config !== 'string') throw new ReaderError(ErrorCode.Usage, '--config FILE is required');
  // The broker password as readerd resolves it (READERD_BROKER_PASSWORD, broker.passwordFile).
  const config = withBrokerPassword(loadConfig(values.config), process.env);
  const log = createLogger(root.prog, { level: config.log.level, format: config.log.format });
  const stopped = untilStopped();
  const reader = await composeReader(config, root.seams(values, log), log, t0);
  await stopped;
  await reader.stop('signal');
  return 0;
}

/** Runs a root as this process's main. */
export function mainOf<O extends Options>(root: SimReaderRoot<O>): void {
  runSimReader(process.argv.slice(2), root).then(
    (code) => process.exit(code),
    (e) => process.exit(reportError(e, root.prog)),
  );
}
