// Namespaced structured logger: JSON lines in production, readable lines on a terminal.
// Secret values print "[redacted]" by type; fields named like secrets are redacted here as well,
// at every depth, the one place every log line passes.
import { isSecret } from '../protocol/secret.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: () => Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(ns: string): Logger;
  setLevel(level: Level): void;
}

// A fallback for values not wrapped in a Secret (which prints "[redacted]" whatever its name).
const SECRET_FIELD =
  /^(pin|keyB|shogo.*|verificationCode|cardFaceKey|secretKey|privateKey|seed|image|photo|password|descriptors?|embedding|landmarks|frame|track)$/i;
const MAX_DEPTH = 6;

function clean(v: unknown, depth: number): unknown {
  if (isSecret(v)) return '[redacted]';
  if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  // Other typed arrays are face descriptors, landmarks or pixels here: their length only.
  if (ArrayBuffer.isView(v)) {
    const n = v instanceof DataView ? v.byteLength : (v as unknown as ArrayLike<unknown>).length;
    return `[${v.constructor.name} ${n}]`;
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Error)
    return { name: v.name, message: v.message, ...('code' in v ? { code: v.code } : {}) };
  if (typeof v !== 'object' || v === null) return v;
  if (depth >= MAX_DEPTH) return '[deep]';
  if (Array.isArray(v)) return v.map((x) => clean(x, depth + 1));
  // Class instances other than plain objects (Maps, ...) are rendered by JSON; Secrets inside
  // them still print "[redacted]" through their toJSON.
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  return redact(v as Record<string, unknown>, depth + 1);
}

function redact(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : clean(v, depth);
  return out;
}

export interface LoggerOptions {
  level?: Level;
  format?: 'json' | 'pretty';
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(ns: string, opts: LoggerOptions = {}): Logger {
  const shared = {
    level: opts.level ?? 'info',
    format: opts.format ?? (process.stderr.isTTY ? 'pretty' : 'json'),
    write: opts.write ?? ((line: string) => process.stderr.write(`${line}\n`)),
    now: opts.now ?? (() => new Date()),
  };
  const make = (name: string): Logger => {
    const emit = (level: Level, msg: string, fields: Record<string, unknown> = {}): void => {
      if (rank[level] < rank[shared.level as Level]) return;
      const clean = redact(fields);
      const time = shared.now().toISOString();
      shared.write(
        shared.format === 'json'
          ? JSON.stringify({ time, level, ns: name, msg, ...clean })
          : `${time} ${level.toUpperCase().padEnd(5)} ${name}: ${msg}${Object.keys(clean).length ? ` ${JSON.stringify(clean)}` : ''}`,
      );
    };
    return {
      debug: (msg, fields) => {
        if (rank.debug >= rank[shared.level as Level]) emit('debug', msg, fields?.());
      },
      info: (msg, f) => emit('info', msg, f),
      warn: (msg, f) => emit('warn', msg, f),
      error: (msg, f) => emit('error', msg, f),
      child: (sub) => make(`${name}:${sub}`),
      setLevel: (level) => {
        shared.level = level;
      },
    };
  };
  return make(ns);
}

/** A logger that drops everything, for libraries used without one. */
export const silentLogger: Logger = createLogger('silent', { level: 'error', write: () => {} });
