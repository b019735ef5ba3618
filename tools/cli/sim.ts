// readerctl sim: run an emulator on a pseudo-terminal for bench work without hardware.
import { readFileSync } from 'node:fs';
import { EXIT, positiveInt, untilStopped } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { buildImage, parseVersion } from '../../protocol/mcuboot/image.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { publicKeyFromFile } from './image.js';
import { simCommand } from './specs/sim.js';

export async function sim(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what === 'card') return (await import('./sim-card.js')).simCard(rest);
  const { values } = parseCommand(simCommand, rest);
  if (what === 'pn532') return simPn532(values);
  if (what !== 'smp-target') {
    process.stdout.write(`${helpText(simCommand)}\n`);
    return EXIT.usage;
  }
  if (!values.key) throw new ReaderError(ErrorCode.Usage, '--key is required');
  const signingKey = publicKeyFromFile(values.key);
  const factory = values['factory-key']
    ? buildImage(new Uint8Array(readFileSync(new URL(import.meta.url))), {
        version: parseVersion('0.9.0'),
        key: loadKeyFile(values['factory-key']),
        ed: opensslEd25519,
      })
    : undefined;
  const recovery = values['serial-recovery'] === true;
  const writeAlign = positiveInt(values['write-align'], '--write-align', 4);
  if (![1, 2, 4, 8, 16, 32].includes(writeAlign))
    throw new ReaderError(ErrorCode.Usage, '--write-align is one of 1, 2, 4, 8, 16, 32');
  const sha = values.sha ?? (values.pure ? '512' : '256');
  if (!['256', '384', '512'].includes(sha))
    throw new ReaderError(ErrorCode.Usage, '--sha is 256, 384 or 512');
  if (values.pure && sha !== '512')
    throw new ReaderError(ErrorCode.Usage, '--pure images are SHA-512 images (--sha 512)');
  const pty = await PtyPair.create('sim');
  const served = await serveSmpTarget(pty.devicePath, {
    signingKey,
    ed: opensslEd25519,
    baudRate: values.baud ? positiveInt(values.baud, '--baud', 115200) : undefined,
    // MCUboot's MCUBOOT_SERIAL_MAX_RECEIVE_SIZE default, or Zephyr's netbuf for the app.
    bufSize: positiveInt(values['buf-size'], '--buf-size', recovery ? 1024 : 2048),
    bufCount: positiveInt(values['buf-count'], '--buf-count', 4),
    eraseMs: positiveInt(values['erase-ms'], '--erase-ms', 1000),
    flashWriteBytesPerSecond: 97_000,
    factoryImage: factory,
    serialRecovery: recovery,
    flashWriteAlign: writeAlign,
    originalProtocol: values['smp-v2-only'] ? false : undefined,
    imageHash: `sha${sha}` as 'sha256' | 'sha384' | 'sha512',
    pureSignatures: values.pure === true,
    faults: {
      noise: values.noise,
      resetAtOffset: values['reset-at'] ? positiveInt(values['reset-at'], '--reset-at', 0) : undefined,
    },
  });
  process.stdout.write(`${pty.hostPath}\n`);
  const mode = recovery ? ' in MCUboot serial recovery' : values['smp-v2-only'] ? ' (SMP v2 only)' : '';
  process.stderr.write(`SMP target emulator ready${mode}; open ${pty.hostPath}. Ctrl-C to stop.\n`);
  await untilStopped();
  await served.close();
  await pty.close();
  return EXIT.ok;
}

async function simPn532(values: { baud?: string; profile?: string; state?: string }): Promise<number> {
  const { MyNumberCard } = await import('../../sim/card/mynumber-emulator.js');
  const { PROFILES } = await import('../../sim/card/card-profiles.js');
  const { servePn532 } = await import('../../sim/pn532/serve.js');
  const profile = (values.profile ?? 'normal') as keyof typeof PROFILES;
  if (!(profile in PROFILES))
    throw new ReaderError(ErrorCode.Usage, `--profile is one of ${Object.keys(PROFILES).join(', ')}`);
  const card = await MyNumberCard.create({
    stateDir: values.state ?? 'var/emulator',
    cardId: `sim-${profile}`,
    profile,
  });
  const pty = await PtyPair.create('sim-pn532');
  const served = await servePn532(pty.devicePath, {
    baudRate: values.baud ? positiveInt(values.baud, '--baud', 115200) : 115200,
  });
  served.emulator.placeCard(card);
  process.stdout.write(`${pty.hostPath}\n`);
  process.stderr.write(
    `PN532 emulator ready with a ${profile} card; open ${pty.hostPath}. Ctrl-C to stop.\n`,
  );
  await untilStopped();
  await served.close();
  await pty.close();
  return EXIT.ok;
}
