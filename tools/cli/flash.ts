// readerctl flash: SMP (MCUmgr) over a serial line to MCUboot or a Zephyr application.
import { readFileSync } from 'node:fs';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { waitForOpen } from '../../device/serial/transport.js';
import { type ImageSlotState, SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { Uploader } from '../../device/smp/uploader.js';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { fileProblem } from '../../platform/fs-errors.js';
import { fromHex, toHex } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import {
  formatVersion,
  imageHash,
  parseImage,
  signatureAlgorithmOfTlv,
  validateImage,
} from '../../protocol/mcuboot/image.js';
import { targetVersionString } from '../../protocol/smp/smp-packet.js';
import { loadImageKey, nodeImageVerifier } from '../image/image-keys.js';
import { progressSink } from './progress.js';
import { resolvePort } from './serial-port-arg.js';
import { flashCommand } from './specs/flash.js';

function describeSlots(slots: ImageSlotState[]): string {
  if (slots.length === 0) return 'no images';
  return slots
    .map((s) => {
      const flags = ['bootable', 'pending', 'confirmed', 'active', 'permanent'].filter(
        (f) => s[f as keyof ImageSlotState],
      );
      const flagText = s.bootable === undefined ? '- (not reported)' : flags.join(' ') || '-';
      return `image ${s.image} slot ${s.slot}: version ${s.version}\n  hash  ${s.hash ? toHex(s.hash) : '- (not reported)'}\n  flags ${flagText}`;
    })
    .join('\n');
}

export async function flash(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  const shellArgs = dash >= 0 ? argv.slice(dash + 1) : [];
  const { values, positionals } = parseCommand(flashCommand, dash >= 0 ? argv.slice(0, dash) : argv, {
    positionals: true,
  });
  const [action, ...args] = positionals;
  if (!action) {
    process.stdout.write(`${helpText(flashCommand)}\n`);
    return EXIT.usage;
  }
  const known = [
    'echo',
    'reset',
    'params',
    'info',
    'bootloader',
    'list',
    'upload',
    'test',
    'confirm',
    'erase',
    'shell',
  ];
  if (!known.includes(action)) throw new ReaderError(ErrorCode.Usage, `unknown flash action "${action}"`);

  // Check the image before touching the port: a bad file never reaches the target.
  // Whatever is wrong with the image or its key (unreadable, malformed, unsigned, signed with
  // another key) is an "image or key problem" (3, the help's table); 5 is kept for the target.
  let img: Uint8Array | undefined;
  if (action === 'upload') {
    try {
      img = checkImage(args[0], values.key, values['allow-unsigned'] === true);
    } catch (e) {
      if (!isReaderError(e) || e.code === ErrorCode.Usage) throw e;
      process.stderr.write(`readerctl: ${e.message} [${e.codeName}]\n`);
      return EXIT.config;
    }
  }

  const path = await resolvePort(values.port, values.usb);
  const transport = await SerialPortTransport.open({
    path,
    baudRate: positiveInt(values.baud, '--baud', 115200),
    reopenEveryMs: 200,
  });
  const link = new SmpLink(transport, {
    defaultTimeoutMs: positiveInt(values.timeout, '--timeout', 3000),
    version: values['smp-v2'] ? 1 : 0,
  });
  const client = new SmpClient(link, positiveInt(values.timeout, '--timeout', 3000));
  if (values.verbose) link.on('console', (t) => process.stderr.write(`target> ${t}\n`));
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const out = (obj: unknown, text: string): void => {
    process.stdout.write(
      values.json
        ? `${JSON.stringify(obj, (_k, v) => (v instanceof Uint8Array ? toHex(v) : v))}\n`
        : `${text}\n`,
    );
  };
  try {
    switch (action) {
      case 'echo': {
        const r = await client.echo(args.join(' '));
        out({ echo: r }, r);
        break;
      }
      case 'reset':
        await client.reset();
        out({ reset: true }, 'target reset');
        break;
      case 'params': {
        const p = await client.params();
        out(p, `buffer size ${p.bufSize} bytes, ${p.bufCount} buffers`);
        break;
      }
      case 'info': {
        const s = await client.osInfo();
        out({ info: s }, s);
        break;
      }
      case 'bootloader': {
        const b = await client.bootloaderInfo(values.query);
        out(b, JSON.stringify(b));
        break;
      }
      case 'list': {
        const s = await client.imageList();
        out({ images: s }, describeSlots(s));
        break;
      }
      case 'test':
      case 'confirm': {
        const hash = args[0] ? fromHex(args[0]) : undefined;
        if (action === 'test' && !hash)
          throw new ReaderError(ErrorCode.Usage, 'test needs the image hash (see "list")');
        const s = action === 'test' ? await client.imageTest(hash!) : await client.imageConfirm(hash);
        out({ images: s }, describeSlots(s));
        break;
      }
      case 'erase':
        await client.erase(values.slot === undefined ? undefined : positiveInt(values.slot, '--slot', 1));
        out({ erased: true }, 'secondary slot erased');
        break;
      case 'shell': {
        const r = await client.shellExec(shellArgs.length ? shellArgs : args);
        if (values.json) out(r, '');
        else process.stdout.write(r.output);
        return r.ret === 0 ? EXIT.ok : EXIT.failure;
      }
      case 'upload':
        return await uploadImage(client, link, transport, img!, values, abort.signal, out);
    }
    return EXIT.ok;
  } finally {
    await transport.close();
  }
}

function checkImage(
  file: string | undefined,
  keyFile: string | undefined,
  allowUnsigned: boolean,
): Uint8Array {
  if (!file) throw new ReaderError(ErrorCode.Usage, 'upload needs an image file');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw fileProblem(e, ErrorCode.Image_Malformed, 'image', file);
  }
  let parsed: ReturnType<typeof parseImage>;
  try {
    parsed = parseImage(bytes);
  } catch (e) {
    throw new ReaderError(ErrorCode.Image_Malformed, `${file}: ${(e as Error).message}`);
  }
  // Bytes after the TLVs are fine when they are the slot trailer `imgtool sign --pad` writes.
  if (parsed.padding > 0 && !parsed.trailer) {
    throw new ReaderError(
      ErrorCode.Image_Malformed,
      `${file}: ${parsed.padding} stray bytes after the TLV area (no image trailer: no boot magic at the end)`,
    );
  }
  const signed = parsed.tlvs.some((t) => signatureAlgorithmOfTlv(t.type) !== undefined);
  if (!signed && !allowUnsigned) {
    throw new ReaderError(
      ErrorCode.Image_Unverified,
      `${file} is not signed (no signature TLV); sign it with 'readerctl image sign' or pass --allow-unsigned`,
    );
  }
  if (keyFile) {
    // Any key type MCUboot builds for (Ed25519, ECDSA, RSA), checked as bootutil does.
    const check = validateImage(bytes, [loadImageKey(keyFile).trusted], nodeImageVerifier);
    if (!check.ok)
      throw new ReaderError(
        ErrorCode.Image_Unverified,
        `${file}: ${check.problems.map((p) => p.message).join('; ')}`,
      );
  }
  return bytes;
}

async function uploadImage(
  client: SmpClient,
  link: SmpLink,
  transport: SerialPortTransport,
  img: Uint8Array,
  values: { json?: boolean; test?: boolean; confirm?: boolean; reset?: boolean },
  signal: AbortSignal,
  out: (obj: unknown, text: string) => void,
): Promise<number> {
  const params = await client.params();
  const sink = progressSink(values.json === true);
  const version = formatVersion(parseImage(img).header.version);
  sink.note(
    `uploading ${img.length} bytes (version ${version}) in chunks for a ${params.bufSize}-byte buffer, ${params.bufCount} in flight`,
  );
  const up = new Uploader(link);
  up.on('progress', (p) => sink.update(p.acked, p.total, p.bytesPerSecond, p.etaSeconds));
  up.on('recovered', (w) => sink.note(w));
  let result: Awaited<ReturnType<Uploader['upload']>>;
  try {
    result = await up.upload(img, { params, signal, waitForPort: (ms, s) => waitForOpen(transport, ms, s) });
  } finally {
    sink.end();
  }
  // Done only when the target lists the image's hash, and as bootable. MCUboot serial recovery
  // built without MCUBOOT_SERIAL_IMG_GRP_HASH lists no hashes (only images that validate):
  // then the version identifies it.
  const hash = imageHash(img);
  const slots = await client.imageList();
  const hashes = slots.some((s) => s.hash !== undefined);
  const slot = hashes
    ? slots.find((s) => s.hash && toHex(s.hash) === toHex(hash))
    : slots.find((s) => s.version === targetVersionString(parseImage(img).header.version));
  if (!slot)
    throw new ReaderError(
      ErrorCode.Link_ImageNotAccepted,
      `the target does not list the uploaded image (hash ${toHex(hash)})`,
    );
  // img_mgmt reports the header's IMAGE_F_NON_BOOTABLE flag here, not a signature check:
  // MCUboot checks the signature only when it boots the image (see --reset below).
  if (slot.bootable === false) {
    throw new ReaderError(
      ErrorCode.Link_ImageNotAccepted,
      `the target lists the image as not bootable (its header carries IMAGE_F_NON_BOOTABLE)`,
    );
  }
  const rate = img.length / result.seconds;
  out(
    {
      event: 'uploaded',
      bytes: img.length,
      seconds: result.seconds,
      bytesPerSecond: Math.round(rate),
      recoveries: result.retries,
      slot: slot.slot,
      hash,
    },
    `uploaded and listed in slot ${slot.slot}: ${img.length} bytes in ${result.seconds.toFixed(1)} s (${(rate / 1024).toFixed(1)} KiB/s), hash ${toHex(hash)}`,
  );
  if (values.test || values.confirm) {
    if (slot.pending) {
      // A padded image (imgtool --pad) carries its trailer: the target already counts it as
      // pending, and img_mgmt refuses to change a pending state.
      out(
        { images: slots, pendingByTrailer: true, permanent: slot.permanent },
        `its image trailer already marks it for ${slot.permanent ? 'good' : 'a test boot'} at the next reset`,
      );
    } else {
      const s = values.confirm ? await client.imageConfirm(hash) : await client.imageTest(hash);
      out(
        { images: s },
        values.confirm
          ? 'marked permanent: it boots at the next reset'
          : 'marked for a test boot at the next reset',
      );
    }
    if (values.reset) {
      await client.reset();
      out({ reset: true }, 'target reset');
      await checkBooted(link, hash, signal, out);
    } else sink.note('the bootloader checks the signature at the next boot');
  }
  return EXIT.ok;
}

/**
 * After the reset, asks the target (polling while MCUboot swaps, which can take tens of seconds)
 * which image runs: MCUboot erases a pending image that does not validate and boots the old
 * one, so only this tells that the bootloader accepted the signature.
 */
async function checkBooted(
  link: SmpLink,
  hash: Uint8Array,
  signal: AbortSignal,
  out: (obj: unknown, text: string) => void,
): Promise<void> {
  const poll = new SmpClient(link, 1000);
  const deadline = Date.now() + 60_000;
  let slots: ImageSlotState[] | undefined;
  while (!slots) {
    if (signal.aborted) throw new ReaderError(ErrorCode.Op_Canceled, 'canceled', { canceled: true });
    try {
      slots = await poll.imageList();
    } catch (e) {
      if (!(e instanceof ReaderError) || e.code !== ErrorCode.Link_Timeout || Date.now() > deadline) throw e;
    }
  }
  const active = slots.find((s) => s.active);
  if (!active?.hash || toHex(active.hash) !== toHex(hash)) {
    throw new ReaderError(
      ErrorCode.Link_ImageNotAccepted,
      `the bootloader did not boot the uploaded image (running: ${active ? `version ${active.version}` : 'nothing listed'}): it does not verify with the key the bootloader was provisioned with, or it is damaged`,
    );
  }
  out(
    { event: 'booted', version: active.version, confirmed: active.confirmed },
    `booted version ${active.version}`,
  );
}
