// Small helpers shared by readerd and readerctl: version, argument parsing with clear
// errors, and exit codes.
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ErrorCode, isReaderError, ReaderError } from '../protocol/errors.js';

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 3,
  link: 4,
  verify: 5,
  /** The peer (or its broker) does not trust our key: signed UNKNOWN_KEY and its kin. */
  untrusted: 6,
  canceled: 130,
} as const;

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new ReaderError(ErrorCode.Usage, (e as Error).message);
  }
}

export function exitCodeFor(e: unknown): number {
  if (!isReaderError(e)) return EXIT.failure;
  if (e.code === ErrorCode.Usage) return EXIT.usage;
  if (e.code >= 600 && e.code < 700) return EXIT.config;
  if (e.code === ErrorCode.Op_Canceled) return EXIT.canceled;
  if (e.code >= 500 && e.code < 600) return EXIT.link;
  if (e.code >= 200 && e.code < 300)
    return e.code === ErrorCode.Link_PeerError || e.code === ErrorCode.Link_ImageNotAccepted
      ? EXIT.verify
      : EXIT.link;
  if (e.code === ErrorCode.Image_Unverified) return EXIT.verify;
  if (e.code === ErrorCode.Image_Malformed) return EXIT.config;
  return EXIT.failure;
}

/**
 * Prints an error for a person in one line: what happened, the code to search for, and for a
 * usage error the help to read (`helpName`: the subcommand that failed, e.g. 'readerctl image
 * sign'; default `prog`). A crash (not a ReaderError) keeps its stack: that is a bug to report.
 */
export function reportError(e: unknown, prog: string, helpName: string = prog): number {
  const code = exitCodeFor(e);
  if (isReaderError(e)) {
    const hint = code === EXIT.usage ? `. Try '${helpName} --help'.` : '';
    process.stderr.write(`${prog}: ${e.message} [${e.codeName}]${hint}\n`);
  } else process.stderr.write(`${prog}: ${(e as Error)?.stack ?? String(e)}\n`);
  return code;
}

export function positiveInt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new ReaderError(ErrorCode.Usage, `${name} must be a whole number ≥ 0 (got "${v}")`);
  return n;
}

/** Resolves at the first SIGINT or SIGTERM: how long-running commands wait to be stopped. */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
