// readerctl card: the IC-card module and the My Number card, for engineers at the bench.
import { X509Certificate } from 'node:crypto';
import { SerialPort } from 'serialport';
import { CardChannel, type TraceEntry } from '../../device/card/card-channel.js';
import { findCcidReaders } from '../../device/ccid/ccid-reader.js';
import { MyNumberCardApi } from '../../device/mynumber/mynumber-card.js';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { CCID_READERS } from '../../platform/devices/ccid-readers.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { PROFILES, type ProfileName } from '../../sim/card/card-profiles.js';
import { openModule, realUsb, waitForCard } from '../card/open-module.js';
import { askSecret } from './secret-prompt.js';
import { cardCommand } from './specs/card.js';

export async function card(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(cardCommand, argv, { positionals: true });
  const action = positionals[0];
  if (!action) {
    process.stdout.write(`${helpText(cardCommand)}\n`);
    return EXIT.usage;
  }
  const out = (obj: unknown, text: string): void =>
    void process.stdout.write(values.json ? `${JSON.stringify(obj)}\n` : `${text}\n`);
  if (action === 'list') {
    // serialport lists ports through udevadm; a container without udev has none to list.
    const ports = await SerialPort.list().catch(() => {
      process.stderr.write('readerctl: cannot list serial ports (udevadm missing: Debian package udev)\n');
      return [];
    });
    let usb: { name: string; serial?: string }[] = [];
    try {
      usb = (await findCcidReaders(realUsb(), CCID_READERS)).map((r) => ({
        name: r.id.name,
        serial: r.device.serialNumber,
      }));
    } catch {
      usb = [];
    }
    out(
      {
        serial: ports.map((p) => ({
          path: p.path,
          usb: p.vendorId ? `${p.vendorId}:${p.productId}` : undefined,
        })),
        ccid: usb,
      },
      [
        `serial ports: ${ports.map((p) => p.path).join(', ') || 'none'}`,
        `CCID readers: ${usb.map((u) => u.name).join(', ') || 'none'}`,
      ].join('\n'),
    );
    return EXIT.ok;
  }
  if (!['wait', 'cert', 'tries', 'verify'].includes(action))
    throw new ReaderError(ErrorCode.Usage, `unknown card action "${action}"`);
  if (values.emulated && values.emulated !== 'pn532' && values.emulated !== 'ccid')
    throw new ReaderError(ErrorCode.Usage, '--emulated is pn532 or ccid');
  if (values.profile && !(values.profile in PROFILES))
    throw new ReaderError(ErrorCode.Usage, `--profile is one of ${Object.keys(PROFILES).join(', ')}`);

  // The module cannot be opened (no USB bus, no reader, no port): "module or link problem".
  const opened = await openModule({
    pn532: values.pn532,
    baud: values.baud ? positiveInt(values.baud, '--baud', 115200) : undefined,
    ccid: values.ccid,
    emulated: values.emulated as 'pn532' | 'ccid' | undefined,
    profile: values.profile as ProfileName | undefined,
  }).catch((e: unknown) => {
    if (!isReaderError(e, ErrorCode.Card_Module)) throw e;
    process.stderr.write(`readerctl: ${e.message} [${e.codeName}]\n`);
    return undefined;
  });
  if (!opened) return EXIT.link;
  const trace: TraceEntry[] = [];
  try {
    await waitForCard(opened.module, positiveInt(values.timeout, '--timeout', 10_000));
    const api = new MyNumberCardApi(new CardChannel(opened.module, { onTrace: (e) => trace.push(e) }));
    switch (action) {
      case 'wait':
        out({ module: opened.module.name, present: true }, `card present on ${opened.module.name}`);
        break;
      case 'cert': {
        const cert = new X509Certificate(await api.readUserAuthCertificate());
        const expired = new Date(cert.validTo).getTime() < Date.now();
        out(
          {
            subject: cert.subject,
            issuer: cert.issuer,
            validFrom: cert.validFrom,
            validTo: cert.validTo,
            expired,
            serial: cert.serialNumber,
          },
          `subject  ${cert.subject.replace(/\n/g, ', ')}\nissuer   ${cert.issuer.replace(/\n/g, ', ')}\nvalid    ${cert.validFrom} – ${cert.validTo}${expired ? '  EXPIRED' : ''}`,
        );
        break;
      }
      case 'tries': {
        const s = await api.pinState();
        out(
          s,
          s.kind === 'tries'
            ? `${s.left} tries left${s.left === 1 ? ' (last try!)' : ''}`
            : s.kind === 'blocked'
              ? 'PIN blocked'
              : 'this card has no PIN',
        );
        break;
      }
      case 'verify': {
        const s = await api.pinState();
        if (s.kind !== 'tries')
          throw new ReaderError(
            s.kind === 'blocked' ? ErrorCode.Card_PinBlocked : ErrorCode.Card_NoPin,
            s.kind === 'blocked' ? 'the PIN is blocked' : 'this card has no PIN',
          );
        const pin = await askSecret('PIN: ', values['pin-stdin'] === true);
        let confirmed = false;
        if (s.left === 1) {
          process.stderr.write(
            'WARNING: one try left. A wrong PIN blocks the card until the municipal office unlocks it.\n',
          );
          const again = await askSecret(
            'Type the PIN again to use the last try: ',
            values['pin-stdin'] === true,
          );
          if (again !== pin)
            throw new ReaderError(
              ErrorCode.Card_LastTryNotConfirmed,
              'the two entries differ: nothing was sent to the card',
            );
          confirmed = true;
        }
        const r = await api.verifyPin(pin, { patientConfirmedLastTry: confirmed });
        out({ verified: true, triesLeftBefore: r.triesLeftBefore }, 'PIN verified');
        break;
      }
    }
    return EXIT.ok;
  } catch (e) {
    if (
      isReaderError(e) &&
      [
        ErrorCode.Card_PinWrong,
        ErrorCode.Card_PinBlocked,
        ErrorCode.Card_NoPin,
        ErrorCode.Card_LastTryNotConfirmed,
      ].includes(e.code as never)
    ) {
      process.stderr.write(`readerctl: ${e.message}\n`);
      return EXIT.verify;
    }
    throw e;
  } finally {
    if (values.trace)
      for (const t of trace)
        process.stderr.write(`APDU ${t.command} -> ${t.sw} (${t.responseBytes} bytes, ${t.ms} ms)\n`);
    await opened.close();
  }
}
