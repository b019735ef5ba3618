// readerd's one configuration file (JSON), validated at start with precise errors.
// Relative paths are resolved against the configuration file's folder.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BrokerSettings } from '../platform/link/mqtt-options.js';
import type { Level } from '../platform/log.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { isValidId } from '../protocol/link/topics.js';
import { APPLIANCE_KEYS, type ApplianceConfig, parseAppliance } from './config-appliance.js';

export interface ReaderConfig {
  readonly deviceId: string;
  /** Folder for the outbox database and other durable state. */
  readonly dataDir: string;
  readonly keys: { readonly deviceKey: string; readonly trustedTerminalsDir: string };
  /** url "embedded" starts an aedes broker on loopback at embeddedPort (0 = any free port). */
  readonly broker: BrokerSettings & { readonly embeddedPort: number };
  readonly link: {
    readonly commandWindowMs: number;
    readonly ackTimeoutMs: number;
    readonly inflightWindow: number;
  };
  readonly log: { readonly level: Level; readonly format: 'json' | 'pretty' };
  /** The patient-facing appliance; absent = a link-only reader (self-test results). */
  readonly appliance?: ApplianceConfig;
}

export type Json = Record<string, unknown>;

export class Checker {
  readonly problems: string[] = [];
  constructor(private readonly baseDir: string) {}

  obj(v: unknown, path: string): Json {
    if (v === undefined) return {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.problems.push(`${path}: must be an object`);
      return {};
    }
    return v as Json;
  }

  str(o: Json, key: string, path: string, dflt?: string): string {
    const v = o[key];
    if (v === undefined && dflt !== undefined) return dflt;
    if (typeof v !== 'string' || v.length === 0) {
      this.problems.push(`${path}.${key}: ${v === undefined ? 'is required' : 'must be a non-empty string'}`);
      return '';
    }
    return v;
  }

  optStr(o: Json, key: string, path: string): string | undefined {
    return o[key] === undefined ? undefined : this.str(o, key, path);
  }

  file(o: Json, key: string, path: string, dflt?: string): string {
    const v = this.str(o, key, path, dflt);
    return v ? resolve(this.baseDir, v) : v;
  }

  optFile(o: Json, key: string, path: string): string | undefined {
    return o[key] === undefined ? undefined : this.file(o, key, path);
  }

  int(o: Json, key: string, path: string, dflt: number, min: number, max: number): number {
    const v = o[key] ?? dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.problems.push(
        `${path}.${key}: must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`,
      );
      return dflt;
    }
    return v;
  }

  oneOf<T extends string>(o: Json, key: string, path: string, allowed: readonly T[], dflt: T): T {
    const v = o[key] ?? dflt;
    if (!allowed.includes(v as T)) {
      this.problems.push(`${path}.${key}: must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
      return dflt;
    }
    return v as T;
  }

  bool(o: Json, key: string, path: string, dflt: boolean): boolean {
    const v = o[key] ?? dflt;
    if (typeof v !== 'boolean') {
      this.problems.push(`${path}.${key}: must be true or false (got ${JSON.stringify(v)})`);
      return dflt;
    }
    return v;
  }

  unknown(o: Json, path: string, known: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!known.includes(k)) this.problems.push(`${path}.${k}: unknown setting`);
  }
}

export function parseConfig(raw: unknown, baseDir: string): ReaderConfig {
  const c = new Checker(baseDir);
  const root = c.obj(raw, '$');
  c.unknown(root, '$', ['deviceId', 'dataDir', 'keys', 'broker', 'link', 'log', ...APPLIANCE_KEYS]);
  const deviceId = c.str(root, 'deviceId', '$');
  if (deviceId && !isValidId(deviceId)) {
    c.problems.push('$.deviceId: 1 to 64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit');
  }
  const keys = c.obj(root.keys, '$.keys');
  c.unknown(keys, '$.keys', ['deviceKey', 'trustedTerminalsDir']);
  const broker = c.obj(root.broker, '$.broker');
  c.unknown(broker, '$.broker', [
    'url',
    'embeddedPort',
    'username',
    'password',
    'caFile',
    'certFile',
    'keyFile',
    'rejectUnauthorized',
  ]);
  const url = c.str(broker, 'url', '$.broker', 'embedded');
  if (url !== 'embedded' && !/^mqtts?:\/\/[^/]+/.test(url)) {
    c.problems.push(
      `$.broker.url: must be "embedded" or mqtt://host:port or mqtts://host:port (got "${url}")`,
    );
  }
  if (broker.rejectUnauthorized !== undefined && typeof broker.rejectUnauthorized !== 'boolean') {
    c.problems.push('$.broker.rejectUnauthorized: must be true or false');
  }
  const link = c.obj(root.link, '$.link');
  c.unknown(link, '$.link', ['commandWindowMs', 'ackTimeoutMs', 'inflightWindow']);
  const log = c.obj(root.log, '$.log');
  c.unknown(log, '$.log', ['level', 'format']);
  const config: ReaderConfig = {
    deviceId,
    dataDir: c.file(root, 'dataDir', '$'),
    keys: {
      deviceKey: c.file(keys, 'deviceKey', '$.keys'),
      trustedTerminalsDir: c.file(keys, 'trustedTerminalsDir', '$.keys'),
    },
    broker: {
      url,
      embeddedPort: c.int(broker, 'embeddedPort', '$.broker', 0, 0, 65535),
      username: c.optStr(broker, 'username', '$.broker'),
      password: c.optStr(broker, 'password', '$.broker'),
      caFile: c.optFile(broker, 'caFile', '$.broker'),
      certFile: c.optFile(broker, 'certFile', '$.broker'),
      keyFile: c.optFile(broker, 'keyFile', '$.broker'),
      rejectUnauthorized: broker.rejectUnauthorized as boolean | undefined,
    },
    link: {
      commandWindowMs: c.int(link, 'commandWindowMs', '$.link', 30_000, 1000, 3_600_000),
      ackTimeoutMs: c.int(link, 'ackTimeoutMs', '$.link', 10_000, 100, 600_000),
      inflightWindow: c.int(link, 'inflightWindow', '$.link', 256, 1, 65_535),
    },
    log: {
      level: c.oneOf(log, 'level', '$.log', ['debug', 'info', 'warn', 'error'], 'info'),
      format: c.oneOf(log, 'format', '$.log', ['json', 'pretty'], 'json'),
    },
    appliance: parseAppliance(c, root),
  };
  if (c.problems.length) {
    throw new ReaderError(ErrorCode.Config_Invalid, `invalid configuration:\n  ${c.problems.join('\n  ')}`, {
      problems: c.problems,
    });
  }
  return config;
}

export function loadConfig(path: string): ReaderConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `cannot read configuration ${path}: ${(e as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReaderError(ErrorCode.Config_Invalid, `${path} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(raw, dirname(resolve(path)));
}
