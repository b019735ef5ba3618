// readerd's one configuration file (JSON), validated at start with precise errors. The schema
// below is the only description of it: the parser, the unknown-key check, the type and the
// README's settings table (npm run docs) all come from it. Relative paths are resolved against
// the configuration file's folder.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  bool,
  file,
  type Infer,
  int,
  object,
  oneOf,
  optional,
  parseWith,
  str,
} from '../platform/config-schema.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { isValidId } from '../protocol/link/topics.js';
import {
  APPLIANCE_KEYS,
  type ApplianceConfig,
  applianceSchema,
  withBoardProfile,
} from './config-appliance.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** The reader itself: identity, keys, the broker and the link. */
export const linkSchema = object(
  {
    deviceId: str({
      description: 'topic segment: 1–64 of `A-Z a-z 0-9 . _ -`, starting with a letter or digit',
      check: (v) =>
        isValidId(v) ? undefined : '1 to 64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit',
    }),
    dataDir: file({ description: 'outbox database and other durable state' }),
    keys: object({
      deviceKey: file({ description: "the device's Ed25519 key (PKCS#8 PEM, mode 0600 or refused)" }),
      trustedTerminalsDir: file({
        description: 'PEM public keys of terminals whose commands and acks count',
      }),
    }),
    broker: object({
      url: str({
        default: 'embedded',
        description:
          '`embedded` starts aedes on 127.0.0.1:`embeddedPort`; else `mqtt://` or `mqtts://`, or several, comma-separated (the nodes of a cluster: tried in order, the next on a lost connection)',
        check: (v) =>
          v === 'embedded' ||
          (v.split(',').every((u) => /^mqtts?:\/\/[^/,]+/.test(u.trim())) && v.trim() !== '')
            ? undefined
            : `must be "embedded" or mqtt://host:port or mqtts://host:port, or several of them separated by commas (got "${v}")`,
      }),
      embeddedPort: int({
        min: 0,
        max: 65535,
        default: 0,
        description: "the embedded broker's port (0 = any free port)",
      }),
      username: optional(str({ description: 'broker user name (default: the key-bound credentials)' })),
      password: optional(
        str({ description: 'broker password (prefer `passwordFile` or `READERD_BROKER_PASSWORD`)' }),
      ),
      passwordFile: optional(
        file({
          description:
            'a file holding the broker password (mode 0600 or refused); `READERD_BROKER_PASSWORD` overrides both',
        }),
      ),
      caFile: optional(file({ description: "the broker's CA bundle (PEM), for mqtts://" })),
      certFile: optional(file({ description: 'client certificate (PEM)' })),
      keyFile: optional(file({ description: "the client certificate's key (PEM)" })),
      rejectUnauthorized: optional(
        bool({ default: true, description: 'only for bench brokers with self-signed certificates' }),
        '`true`',
      ),
    }),
    link: object({
      commandWindowMs: int({
        min: 1000,
        max: 3_600_000,
        default: 30_000,
        description: 'commands issued further than this from the device clock are stale',
      }),
      ackTimeoutMs: int({
        min: 100,
        max: 600_000,
        default: 10_000,
        description: 'an unacknowledged result is published again after this',
      }),
      inflightWindow: int({
        min: 1,
        max: 65_535,
        default: 256,
        description: 'results published and not yet acknowledged, at most',
      }),
    }),
    log: object({
      level: oneOf(LEVELS, {
        default: 'info',
        description: 'structured logs on stderr: the least severe level',
      }),
      format: oneOf(['json', 'pretty'], { default: 'json', description: 'one JSON object a line, or text' }),
    }),
  },
  { alsoKnown: APPLIANCE_KEYS },
);

export type ReaderConfig = Infer<typeof linkSchema> & {
  /** The patient-facing appliance; absent = a link-only reader (self-test results). */
  readonly appliance?: ApplianceConfig;
};

export function parseConfig(raw: unknown, baseDir: string): ReaderConfig {
  const link = parseWith(linkSchema, raw, baseDir, undefined);
  const root =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const hasAppliance = APPLIANCE_KEYS.some((k) => root[k] !== undefined);
  const boardProblems: string[] = [];
  const appliance = hasAppliance
    ? parseWith(applianceSchema, withBoardProfile(root, boardProblems), baseDir, undefined)
    : undefined;
  const problems = [...link.problems, ...boardProblems, ...(appliance?.problems ?? [])];
  if (problems.length) {
    throw new ReaderError(ErrorCode.Config_Invalid, `invalid configuration:\n  ${problems.join('\n  ')}`, {
      problems,
    });
  }
  return { ...link.value, ...(appliance ? { appliance: appliance.value } : {}) };
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
