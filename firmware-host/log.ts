// Namespaced structured logger: JSON lines in production, readable lines on a terminal.
// Fields named like secrets are redacted here, the one place every log line passes.

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

const SECRET_FIELD = /^(pin|shogo.*|verificationCode|cardFaceKey|secretKey|privateKey|seed|image|photo)$/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_FIELD.test(k)) out[k] = '[redacted]';
    else if (v instanceof Uint8Array) out[k] = Buffer.from(v).toString('hex');
    else if (typeof v === 'bigint') out[k] = v.toString();
    else if (v instanceof Error)
      out[k] = { name: v.name, message: v.message, ...('code' in v ? { code: v.code } : {}) };
    else out[k] = v;
  }
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
