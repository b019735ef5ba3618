// readerctl sim: run an emulator on a pseudo-terminal for bench work without hardware.
import { readFileSync } from 'node:fs';
import { EXIT, parseCli, positiveInt, untilStopped } from '../../platform/cli.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { buildImage, parseVersion } from '../../protocol/mcuboot/image.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { publicKeyFromFile } from './image.js';

const HELP = `Usage: readerctl sim smp-target --key FILE [options]
       readerctl sim pn532 [--baud N] [--profile P] [--state DIR]
       readerctl sim card --vpcd [HOST:PORT] [--profile P] [--state DIR] [--json]

card: puts an emulated My Number card into vsmartcard-vpcd's virtual reader for pcscd and any
PC/SC application (OpenSC, a terminal's own software); 'readerctl sim card --help' for more.

pn532: runs the PN532 emulator with an emulated My Number card in its field on a new pty pair
and prints the host side's path (for readerctl card --pn532 PATH, readerctl console). The card
profile is one of normal, pin-last-try, pin-blocked, no-pin, expired-cert, wrong-key-b,
removed-mid-command; --state keeps the emulated cards (keys, PIN counters) [var/emulator].

Runs the SMP/MCUboot target emulator on a new pty pair (socat) and prints the host side's path,
for 'readerctl flash --port PATH' and 'readerctl console'. Runs until Ctrl-C.

  --key FILE          the public (or private) key the emulated bootloader trusts
  --factory-key FILE  a private key to sign the factory image in slot 0 (default: none)
  --baud N            emulate this line rate (bytes paced at N/10 per second)
  --buf-size N        SMP buffer size [2048; 1024 with --serial-recovery]; --buf-count N [4]
  --erase-ms N        first-chunk erase time [1000]
  --noise             console log lines between SMP lines
  --reset-at N        reset once when an upload reaches offset N
  --serial-recovery   start in MCUboot serial recovery (button held at power-on): answers as
                      boot_serial.c (uploads to slot 0, list without flags, no image test or
                      mcumgr params) until a reset boots a valid application
  --write-align N     flash write block serial recovery writes in [4]: 1, 2, 4, 8, 16 or 32
  --sha 256|384|512   the image hash MCUboot was built for [256]; img_mgmt lists that TLV
                      (SHA-384: Zephyr has no setting, so the application lists no image)
  --pure              MCUboot built for pure Ed25519 signatures (imgtool --pure; SHA-512)
  --smp-v2-only       a Zephyr build without CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL:
                      SMP version 1 requests are refused (rc 12); use 'readerctl flash --smp-v2'`;

export async function sim(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what === 'card') return (await import('./sim-card.js')).simCard(rest);
  const { values } = parseCli(rest, {
    key: { type: 'string' },
    'factory-key': { type: 'string' },
    baud: { type: 'string' },
    'buf-size': { type: 'string' },
    'buf-count': { type: 'string' },
    'erase-ms': { type: 'string' },
    noise: { type: 'boolean' },
    'reset-at': { type: 'string' },
    'serial-recovery': { type: 'boolean' },
    'write-align': { type: 'string' },
    'smp-v2-only': { type: 'boolean' },
    sha: { type: 'string' },
    pure: { type: 'boolean' },
    profile: { type: 'string' },
    state: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (what === 'pn532' && !values.help) return simPn532(values);
  if (what !== 'smp-target' || values.help) {
    process.stdout.write(`${HELP}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
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
