// `readerd --check-config`: everything readerd checks before it opens a device or the broker,
// and nothing more: the file parses, every setting is valid, the key and password files are
// there and private, the trust folder's keys parse, the TLS files can be read. One problem a
// line; exit 0 when valid, 3 (configuration) when not.
import { accessSync, constants } from 'node:fs';
import { loadKeyFile, loadTrustDir } from '../platform/keys/keystore.js';
import { isReaderError } from '../protocol/errors.js';
import { loadConfig, type ReaderConfig } from './config.js';
import { withBrokerPassword } from './config-secrets.js';

export interface ConfigCheck {
  readonly ok: boolean;
  readonly config: string;
  readonly problems: readonly string[];
  /** What the configuration describes, when it parsed. */
  readonly summary?: Record<string, unknown>;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

export function checkConfig(path: string, env: NodeJS.ProcessEnv): ConfigCheck {
  let config: ReaderConfig;
  try {
    config = loadConfig(path);
  } catch (e) {
    const listed = isReaderError(e) ? (e.context.problems as string[] | undefined) : undefined;
    return { ok: false, config: path, problems: listed ?? [message(e)] };
  }
  const problems: string[] = [];
  const attempt = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      problems.push(message(e));
    }
  };
  attempt(() => loadKeyFile(config.keys.deviceKey));
  attempt(() => loadTrustDir(config.keys.trustedTerminalsDir));
  attempt(() => withBrokerPassword(config, env));
  for (const [name, file] of [
    ['broker.caFile', config.broker.caFile],
    ['broker.certFile', config.broker.certFile],
    ['broker.keyFile', config.broker.keyFile],
  ] as const) {
    if (!file) continue;
    try {
      accessSync(file, constants.R_OK);
    } catch (e) {
      problems.push(`$.${name}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? message(e)})`);
    }
  }
  const a = config.appliance;
  return {
    ok: problems.length === 0,
    config: path,
    problems,
    summary: {
      deviceId: config.deviceId,
      broker: config.broker.url,
      appliance: a
        ? {
            cardModule: a.cardModule.type,
            panel: a.panel ? a.panel.io : 'off',
            kiosk: a.kiosk.enabled ? a.kiosk.port : 'off',
          }
        : 'none (link-only reader)',
    },
  };
}
