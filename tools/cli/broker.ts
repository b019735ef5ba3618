// readerctl broker: the key-bound broker credentials (SPEC §13) and the files for an external
// Mosquitto (hardware/mosquitto). Passwords are secrets: printed only when asked for, written
// only into a 0600 file that mosquitto_passwd hashes in place.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BrokerParty,
  mosquittoAcl,
  mosquittoPasswordLines,
} from '../../firmware-host/link/mosquitto-files.js';
import { EXIT } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { ensurePrivateDir, writePrivateFileAtomic } from '../../platform/private-files.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { brokerPassword, brokerUsername } from '../../protocol/link/broker-credentials.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { isValidId } from '../../protocol/link/topics.js';
import { brokerCommand } from './specs/broker.js';

function need(v: string | undefined, flag: string): string {
  if (!v) throw new ReaderError(ErrorCode.Usage, `${flag} is required`);
  return v;
}

function pair(v: string, flag: string): [string, string] {
  const i = v.indexOf('=');
  const id = v.slice(0, i);
  if (i <= 0 || !isValidId(id)) throw new ReaderError(ErrorCode.Usage, `${flag} takes ID=VALUE (got "${v}")`);
  return [id, v.slice(i + 1)];
}

export async function broker(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseCommand(brokerCommand, rest);
  if (!action) {
    process.stdout.write(`${helpText(brokerCommand)}\n`);
    return EXIT.usage;
  }
  if (action === 'credentials') {
    const role = need(values.role, '--role');
    if (role !== 'device' && role !== 'terminal')
      throw new ReaderError(ErrorCode.Usage, '--role is device or terminal');
    const id = need(values.id, '--id');
    if (!isValidId(id)) throw new ReaderError(ErrorCode.Usage, `--id "${id}" is not a valid id`);
    const username = brokerUsername(role === 'device' ? 'dev' : 'term', id, values.aux?.[0]);
    const password = brokerPassword(username, loadKeyFile(need(values.key, '--key')));
    process.stdout.write(
      values.json ? `${JSON.stringify({ username, password })}\n` : `${username} ${password}\n`,
    );
    return EXIT.ok;
  }
  if (action === 'mosquitto') {
    const out = need(values.out, '--out');
    const aux = new Map<string, string[]>();
    for (const a of values.aux ?? []) {
      const [id, name] = pair(a, '--aux');
      aux.set(id, [...(aux.get(id) ?? []), name]);
    }
    const parties: (BrokerParty & { key: KeyPair })[] = [
      ...(values.device ?? []).map((d) => ['dev', ...pair(d, '--device')] as const),
      ...(values.terminal ?? []).map((t) => ['term', ...pair(t, '--terminal')] as const),
    ].map(([role, id, file]) => ({ role, id, key: loadKeyFile(file), aux: aux.get(id) }));
    if (parties.length === 0)
      throw new ReaderError(ErrorCode.Usage, 'name at least one --device or --terminal');
    ensurePrivateDir(out);
    writeFileSync(join(out, 'fareader.acl'), mosquittoAcl(parties), { mode: 0o644 });
    const passwd = join(out, 'fareader.passwd');
    writePrivateFileAtomic(passwd, mosquittoPasswordLines(parties));
    try {
      execFileSync('mosquitto_passwd', ['-U', passwd], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      writePrivateFileAtomic(passwd, ''); // never leave the clear passwords behind
      throw new ReaderError(
        ErrorCode.Config_Invalid,
        'mosquitto_passwd failed or is missing (Debian package "mosquitto"); no password file written',
        {},
        { cause: e },
      );
    }
    process.stdout.write(
      `wrote ${join(out, 'fareader.acl')} and ${passwd} for ${parties.length} parties; see hardware/mosquitto/README.md\n`,
    );
    return EXIT.ok;
  }
  throw new ReaderError(ErrorCode.Usage, `unknown action "${action}"`);
}
