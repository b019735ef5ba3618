// The broker password, kept out of the command line and of the configuration file's text
// (issue 16, item 8): `READERD_BROKER_PASSWORD` (systemd's EnvironmentFile= or a credential)
// wins over `broker.passwordFile`, which wins over `broker.password`. A password file others
// can read is refused, as a key file is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import type { ReaderConfig } from './config.js';

export const PASSWORD_ENV = 'READERD_BROKER_PASSWORD';

export function readPasswordFile(path: string): string {
  if (!existsSync(path))
    throw new ReaderError(ErrorCode.Config_KeyFile, `broker password file ${path} does not exist`);
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077)
    throw new ReaderError(
      ErrorCode.Config_KeyFile,
      `broker password file ${path} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${path}`,
    );
  // One line: a trailing newline from `echo` is not part of the password.
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

/** The configuration with the broker password resolved from the environment or its file. */
export function withBrokerPassword(config: ReaderConfig, env: NodeJS.ProcessEnv): ReaderConfig {
  const fromEnv = env[PASSWORD_ENV];
  const password =
    fromEnv !== undefined && fromEnv !== ''
      ? fromEnv
      : config.broker.passwordFile
        ? readPasswordFile(config.broker.passwordFile)
        : config.broker.password;
  return password === undefined ? config : { ...config, broker: { ...config.broker, password } };
}
