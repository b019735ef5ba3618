// readerctl terminal pair: the terminal's side of pairing by numeric comparison (SPEC §15),
// with the staff's answer read from stdin. Plain text asks "same code? [y/N]"; --json writes
// the code as one JSON line and reads a line y or n, for a front end that drives it.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { EXIT } from '../../platform/cli.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import type { BrokerSettings } from '../../platform/link/mqtt-options.js';
import type { Logger } from '../../platform/log.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { isValidId } from '../../protocol/link/topics.js';
import { pairWithDevice } from '../terminal/pairing-client.js';

export interface PairArgs {
  readonly terminalId: string;
  readonly key: KeyPair;
  readonly deviceId: string;
  readonly broker: BrokerSettings;
  readonly trustDir: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly log: Logger;
}

export function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw new ReaderError(ErrorCode.Usage, `--timeout is seconds, 1 to 3600, not "${v}"`);
  return Math.round(n * 1000);
}

export async function pair(a: PairArgs): Promise<number> {
  if (!isValidId(a.deviceId))
    throw new ReaderError(ErrorCode.Usage, `--device "${a.deviceId}" is no device id`);
  const out = (obj: object, text: string): void => {
    process.stdout.write(a.json ? `${JSON.stringify(obj)}\n` : text);
  };
  const rl = createInterface({
    input: process.stdin,
    output: a.json ? undefined : process.stdout,
    terminal: false,
  });
  out(
    { type: 'waiting', deviceId: a.deviceId, broker: a.broker.url },
    `pairing with ${a.deviceId} on ${a.broker.url}: waiting for the reader's answer (its pairing window must be open)\n`,
  );
  try {
    const paired = await pairWithDevice({
      terminalId: a.terminalId,
      key: a.key,
      deviceId: a.deviceId,
      broker: a.broker,
      connect: connectMqtt,
      trustDir: a.trustDir,
      random: (n) => new Uint8Array(randomBytes(n)),
      log: a.log,
      timeoutMs: a.timeoutMs,
      confirm: async (code, keyId, signal) => {
        out(
          { type: 'code', deviceId: a.deviceId, code, keyId },
          `\n    ${code.slice(0, 3)} ${code.slice(3)}\n\nreader ${a.deviceId}, key ${keyId}\ndoes the reader show the same code? [y/N] `,
        );
        const answer = await rl.question('', { signal }).catch(() => '');
        return /^\s*y(es)?\s*$/i.test(answer);
      },
    });
    out(
      { type: 'paired', deviceId: paired.deviceId, keyId: paired.keyId, file: paired.trusted.file },
      `paired: ${paired.deviceId}'s key ${paired.keyId} is trusted (${paired.trusted.file}); restart a running terminal to use it\n`,
    );
    return EXIT.ok;
  } catch (e) {
    // The broker refused the pairing login as not authorised (CONNACK 5): exit 6, as for a
    // key-bound login it refuses.
    if (isReaderError(e, ErrorCode.Mqtt_UnknownKey)) {
      process.stderr.write(`readerctl: ${e.message}\n`);
      return EXIT.untrusted;
    }
    if (!isReaderError(e, ErrorCode.Mqtt_PairingEnded)) throw e;
    if (a.json) out({ type: 'ended', reason: e.message }, '');
    process.stderr.write(`readerctl: pairing ended, nothing trusted: ${e.message}\n`);
    return EXIT.failure;
  } finally {
    rl.close();
  }
}
