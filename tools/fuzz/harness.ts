// What a fuzz target is made of, the oracles every parser answers to (issue 13; STYLE.md
// "every parser survives garbage"), and the one loop that runs a target: its corpus first,
// then its fast-check properties. `npm test` and `npm run fuzz` both go through `runTarget`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromHex, toHex } from '../../protocol/bytes.js';
import { isReaderError } from '../../protocol/errors.js';
import { isKnown } from './known-findings.js';

/** An input that takes longer than this is a finding of the fuzz runner (never a test assertion). */
export const SLOW_MS = 100;

/** An oracle failed on an input. `cause` holds what escaped the parser, when something did. */
export class FuzzFinding extends Error {
  override readonly name = 'FuzzFinding';
}

export interface FuzzProperty<T> {
  /** Lower-case words and dashes: corpus files are named after it. */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Feeds one input to the parser; throws when an oracle fails. */
  readonly check: (input: T) => void | Promise<void>;
  /** The input as the bytes a corpus file holds, and back. */
  readonly toBytes: (input: T) => Uint8Array;
  readonly fromBytes: (bytes: Uint8Array) => T;
  /** Share of the target's inputs (default 1). */
  readonly weight?: number;
}

/** A property with its input type erased, so that one target can hold several. */
export interface AnyProperty {
  readonly name: string;
  readonly weight: number;
  readonly async: boolean;
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly check: (input: unknown) => void | Promise<void>;
  readonly toBytes: (input: unknown) => Uint8Array;
  readonly fromBytes: (bytes: Uint8Array) => unknown;
}

export function property<T>(p: FuzzProperty<T>, opts: { async?: boolean } = {}): AnyProperty {
  if (!/^[a-z0-9-]+$/.test(p.name))
    throw new Error(`fuzz property name "${p.name}" is not lower-case-dashed`);
  return {
    name: p.name,
    weight: p.weight ?? 1,
    async: opts.async ?? false,
    arbitrary: p.arbitrary as fc.Arbitrary<unknown>,
    check: p.check as (input: unknown) => void | Promise<void>,
    toBytes: p.toBytes as (input: unknown) => Uint8Array,
    fromBytes: p.fromBytes,
  };
}

export interface FuzzTarget {
  /** Lower-case words and dashes; also the corpus folder's name. */
  readonly name: string;
  /** The source files whose parsers or handlers the target drives. */
  readonly covers: readonly string[];
  readonly properties: readonly AnyProperty[];
  /** Starts what the properties need (a broker, an emulator); `teardown` stops it. */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
}

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Runs `parse`. A ReaderError is the parser refusing garbage, as it must; anything else
 * escaping (TypeError, RangeError, a string) is a finding. Returns undefined when refused.
 */
export function onlyReaderError<R>(what: string, parse: () => R): R | undefined {
  try {
    return parse();
  } catch (e) {
    if (isReaderError(e)) return undefined;
    throw new FuzzFinding(`${what} threw ${describe(e)}, not a ReaderError`, { cause: e });
  }
}

export async function onlyReaderErrorAsync<R>(what: string, parse: () => Promise<R>): Promise<R | undefined> {
  try {
    return await parse();
  } catch (e) {
    if (isReaderError(e)) return undefined;
    throw new FuzzFinding(`${what} threw ${describe(e)}, not a ReaderError`, { cause: e });
  }
}

/** Runs what must never throw at all (stream parsers, emulators' byte handlers). */
export function neverThrows<R>(what: string, run: () => R): R {
  try {
    return run();
  } catch (e) {
    throw new FuzzFinding(`${what} threw ${describe(e)}; it must never throw`, { cause: e });
  }
}

export async function neverThrowsAsync<R>(what: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    throw new FuzzFinding(`${what} threw ${describe(e)}; it must never throw`, { cause: e });
  }
}

export function expectThat(ok: boolean, why: string): void {
  if (!ok) throw new FuzzFinding(why);
}

/** Split points → chunks: a byte stream as a transport may deliver it. */
export function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
}

export interface Finding {
  readonly target: string;
  readonly property: string;
  readonly kind: 'crash' | 'slow' | 'corpus';
  readonly message: string;
  readonly inputHex: string;
  readonly stack?: string;
  /** fast-check seed and path that reproduce a crash. */
  readonly replay?: string;
}

export interface TargetResult {
  readonly target: string;
  readonly inputs: number;
  readonly corpusFiles: number;
  readonly findings: Finding[];
  /** The slowest input in ms: wall time, or CPU time for an input that took over SLOW_MS of wall time. */
  readonly maxMs: number;
  readonly elapsedMs: number;
}

export interface RunOptions {
  /** Inputs for the whole target, shared among its properties by weight. */
  readonly runs: number;
  readonly seed?: number;
  readonly corpusRoot: string;
  /** Report inputs over SLOW_MS (the fuzz runner does; `npm test` asserts behaviour only). */
  readonly timeBound: boolean;
  /** Called with a crash input so the runner can add it to the corpus. */
  readonly onCrash?: (f: Finding, bytes: Uint8Array) => void;
  readonly progress?: (line: string) => void;
}

/** Corpus files of one property: `<property>.<label>.hex`, hex with `#` comment lines. */
export function corpusFiles(
  root: string,
  target: string,
  prop: string,
): { file: string; bytes: Uint8Array }[] {
  let names: string[];
  try {
    names = readdirSync(join(root, target));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(`${prop}.`) && n.endsWith('.hex'))
    .sort()
    .map((n) => {
      const text = readFileSync(join(root, target, n), 'utf8');
      const hex = text
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('');
      return { file: n, bytes: fromHex(hex) };
    });
}

const stackOf = (e: unknown): string | undefined => {
  const parts: string[] = [];
  for (let x: unknown = e; x instanceof Error && parts.length < 3; x = x.cause)
    parts.push(x.stack ?? x.message);
  return parts.length ? parts.join('\ncaused by: ') : undefined;
};

export async function runTarget(t: FuzzTarget, o: RunOptions): Promise<TargetResult> {
  const findings: Finding[] = [];
  let inputs = 0;
  let corpus = 0;
  let maxMs = 0;
  const started = performance.now();
  const totalWeight = t.properties.reduce((n, p) => n + p.weight, 0);
  const unexpected: unknown[] = [];
  const onUnexpected = (e: unknown): void => {
    unexpected.push(e);
  };
  process.on('unhandledRejection', onUnexpected);
  process.on('uncaughtException', onUnexpected);
  await t.setup?.();
  try {
    for (const prop of t.properties) {
      // A known open finding (known-findings.ts) is counted there, not reported again.
      const p: AnyProperty = {
        ...prop,
        check: (x) => {
          const known = (e: unknown): void => {
            if (!(e instanceof Error && isKnown(e.message, t.name))) throw e;
          };
          try {
            const r = prop.check(x);
            return r instanceof Promise ? r.catch(known) : r;
          } catch (e) {
            known(e);
          }
        },
      };
      const finding = (kind: Finding['kind'], e: unknown, bytes: Uint8Array, replay?: string): Finding => ({
        target: t.name,
        property: p.name,
        kind,
        message: describe(e),
        inputHex: toHex(bytes),
        stack: stackOf(e),
        replay,
      });
      const timed = async (input: unknown): Promise<number> => {
        const t0 = performance.now();
        await p.check(input);
        return performance.now() - t0;
      };
      /** CPU time of one run: on a loaded machine wall time also counts other processes' turns. */
      const cpuTimed = async (input: unknown): Promise<number> => {
        const c0 = process.cpuUsage();
        await p.check(input);
        const c = process.cpuUsage(c0);
        return (c.user + c.system) / 1000;
      };
      // The corpus first: every crash ever found, and the seeds.
      for (const c of corpusFiles(o.corpusRoot, t.name, p.name)) {
        corpus++;
        try {
          await timed(p.fromBytes(c.bytes));
        } catch (e) {
          findings.push(finding('corpus', e, c.bytes, c.file));
        }
      }
      const numRuns = Math.max(1, Math.round((o.runs * p.weight) / totalWeight));
      let ran = 0;
      // An input over the bound in wall time is run twice more and timed in CPU time; only the
      // quicker of the two counts, so that a busy machine or a GC pause is not a finding.
      const slowCheck = async (input: unknown): Promise<void> => {
        const best = Math.min(await cpuTimed(input), await cpuTimed(input));
        maxMs = Math.max(maxMs, best);
        if (best > SLOW_MS && o.timeBound) {
          findings.push(
            finding(
              'slow',
              new FuzzFinding(`input took ${best.toFixed(1)} ms of CPU time`),
              p.toBytes(input),
            ),
          );
        }
      };
      const onRun = (): void => {
        ran++;
        if (o.progress && ran % 100_000 === 0) o.progress(`${t.name}/${p.name}: ${ran}/${numRuns}`);
      };
      const params = { numRuns, seed: o.seed, endOnFailure: true };
      let details: fc.RunDetails<[unknown]>;
      if (p.async) {
        details = await fc.check(
          fc.asyncProperty(p.arbitrary, async (x) => {
            onRun();
            const t0 = performance.now();
            await p.check(x);
            const dt = performance.now() - t0;
            if (dt > SLOW_MS) await slowCheck(x);
            else if (dt > maxMs) maxMs = dt;
          }),
          params,
        );
      } else {
        const slow: unknown[] = [];
        details = fc.check(
          fc.property(p.arbitrary, (x) => {
            onRun();
            const t0 = performance.now();
            p.check(x);
            const dt = performance.now() - t0;
            if (dt > SLOW_MS) slow.push(x);
            else if (dt > maxMs) maxMs = dt;
          }),
          params,
        ) as fc.RunDetails<[unknown]>;
        for (const x of slow.slice(0, 20)) await slowCheck(x);
      }
      inputs += details.numRuns;
      if (details.failed && details.counterexample) {
        const bytes = p.toBytes(details.counterexample[0]);
        const f = finding(
          'crash',
          details.errorInstance,
          bytes,
          `seed ${details.seed} path "${details.counterexamplePath}"`,
        );
        findings.push(f);
        o.onCrash?.(f, bytes);
      } else if (details.failed) {
        findings.push(
          finding('crash', new Error('fast-check gave up (too many skipped inputs)'), new Uint8Array()),
        );
      }
    }
  } finally {
    await t.teardown?.();
    // Rejections that surface a turn later still belong to this target.
    await new Promise((r) => setImmediate(r));
    process.off('unhandledRejection', onUnexpected);
    process.off('uncaughtException', onUnexpected);
  }
  for (const e of unexpected)
    findings.push({
      target: t.name,
      property: '(process)',
      kind: 'crash',
      message: `unhandled: ${describe(e)}`,
      inputHex: '',
      stack: stackOf(e),
    });
  return {
    target: t.name,
    inputs,
    corpusFiles: corpus,
    findings,
    maxMs,
    elapsedMs: performance.now() - started,
  };
}
