// An SMP server behaving like a Zephyr application with MCUmgr over the console UART, on the
// device side of a pty. It parses what the host sends as a zcbor-based target does
// (zcbor-decode.ts), answers as Zephyr's handlers write their answers (field names, order,
// types, indefinite-length maps: zcbor-encode.ts; error forms: smp-errors.ts), keeps its flash
// across emulated resets, and has fault switches for testing clients.
// Upstream sources followed: subsys/mgmt/mcumgr/smp/src/smp.c, grp/os_mgmt/src/os_mgmt.c,
// grp/img_mgmt/src/img_mgmt.c, img_mgmt_state.c, zephyr_img_mgmt.c, grp/shell_mgmt/src/shell_mgmt.c.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ByteTransport } from '../../device/serial/transport.js';
import { bytesEqual, concatBytes, utf8 } from '../../protocol/bytes.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import {
  ImgMgmtErr,
  OsMgmtErr,
  SMP_HEADER_BYTES,
  SmpCmd,
  SmpGroup,
  SmpOp,
} from '../../protocol/smp/smp-packet.js';
import { type BootloaderBuild, TargetFlash } from './flash.js';
import { McubootRecovery } from './mcuboot-recovery.js';
import { groupError, MgmtErr, mgmtError, ShellMgmtErr } from './smp-errors.js';
import { decodeBulk, zcbor } from './zcbor-decode.js';
import { encodeZcbor, type ZMap } from './zcbor-encode.js';

export interface TargetFaults {
  /** Console log lines between SMP lines. */
  noise?: boolean;
  /** Drop the Nth SMP line the host sends (1-based), once. */
  dropLine?: number;
  /** Corrupt the CRC of the Nth response (1-based), once. */
  corruptResponse?: number;
  /** Reset (as a watchdog would) when an upload first reaches this offset. */
  resetAtOffset?: number;
  /** Misbehave on every upload answer after the first: for client error tests. */
  misbehave?: 'garbage' | 'wrong-seq' | 'error-rc' | 'offset-backwards';
}

export interface SmpTargetOptions {
  /** The public key MCUboot was provisioned with. */
  readonly signingKey: Uint8Array;
  readonly ed: Ed25519;
  /** CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE / _COUNT, as `mcumgr params` reports them. */
  readonly bufSize?: number;
  readonly bufCount?: number;
  /** Time the first chunk of an upload waits for the slot erase. */
  readonly eraseMs?: number;
  readonly rebootMs?: number;
  /** Flash programming speed; nRF52840: 41 µs per 32-bit word ≈ 97,000 B/s. Instant when unset. */
  readonly flashWriteBytesPerSecond?: number;
  readonly faults?: TargetFaults;
  /** BUILD_VERSION, the kernel release `os info` reports. */
  readonly firmwareVersion?: string;
  readonly flash?: TargetFlash;
  /** The image in the primary slot when the board leaves the factory (confirmed). */
  readonly factoryImage?: Uint8Array;
  /** The `mode` answered to bootloader info `{query: "mode"}` (MCUboot enum mcuboot_mode). */
  readonly bootloaderMode?: number;
  /**
   * The board starts in MCUboot serial recovery (the button held at power-on) and answers as
   * boot_serial.c does until a reset boots a valid application.
   */
  readonly serialRecovery?: boolean;
  /** The image hash MCUboot was built for (and img_mgmt lists): SHA-256 unless given. */
  readonly imageHash?: BootloaderBuild['hash'];
  /** MCUboot built for pure Ed25519 signatures (BOOT_SIGNATURE_TYPE_PURE, SHA-512 images). */
  readonly pureSignatures?: boolean;
  /** flash_area_align of the board (default 4, nRF52840): serial recovery writes whole blocks. */
  readonly flashWriteAlign?: number;
  /**
   * CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL (default y): answer SMP version 1 requests.
   * Without it, smp.c refuses them with MGMT_ERR_UNSUPPORTED_TOO_OLD.
   */
  readonly originalProtocol?: boolean;
}

/** MCUboot enum mcuboot_mode: MCUBOOT_MODE_SWAP_USING_MOVE, the emulated flash's swap with revert. */
const SWAP_USING_MOVE = 3;

/** Slot size of the emulated board (nRF52840 DK partition layout: 0x76000 per image slot). */
const SLOT_BYTES = 0x76000;

/**
 * CONFIG_UART_MCUMGR_RX_BUF_SIZE (Zephyr default 128): one console line of an SMP frame, which
 * hosts cut at 127 bytes with the newline (the SMP console transport's line limit).
 */
const UART_MCUMGR_RX_BUF_SIZE = 128;

/** Header fields of a request, as smp.c smp_read_hdr reads them. */
interface RequestHeader {
  readonly op: number;
  readonly version: number;
  readonly group: number;
  readonly seq: number;
  readonly id: number;
}

interface Request {
  readonly header: RequestHeader;
  readonly payload: Uint8Array;
}

export interface SmpTargetEvents {
  /** Every request packet (header and CBOR) the target decoded a header from. */
  request: [body: Uint8Array];
  /** Every response packet it sent. */
  response: [body: Uint8Array];
}

export class SmpTarget extends EventEmitter<SmpTargetEvents> {
  readonly flash: TargetFlash;
  private readonly decoder = new SmpSerialDecoder(16384);
  private line: number[] = [];
  private lineTooLong = false;
  private smpLines = 0;
  private responses = 0;
  private rebooting = false;
  private queue: Promise<void> = Promise.resolve();
  private resetDone = false;
  /** Bumped at every reset: requests queued before it die with the MCU's RAM. */
  private epoch = 0;
  private readonly started = Date.now();
  readonly stats = { requests: 0, resets: 0, uploadsCompleted: 0, droppedPackets: 0, droppedLines: 0 };
  /**
   * img_mgmt's g_img_mgmt_state: the upload in progress lives in RAM, so a reset forgets it
   * (the client then starts over); a cable pull does not.
   */
  private upload?: { readonly sha: Uint8Array; readonly len: number; data: Uint8Array; off: number };
  /** Set while the board sits in MCUboot serial recovery. */
  private recovery?: McubootRecovery;

  constructor(
    private transport: ByteTransport,
    private readonly opts: SmpTargetOptions,
  ) {
    super();
    this.flash =
      opts.flash ??
      new TargetFlash(opts.signingKey, opts.ed, { hash: opts.imageHash, pure: opts.pureSignatures });
    if (!opts.flash && opts.factoryImage) this.flash.slots[0] = this.flash.describe(opts.factoryImage);
    if (opts.serialRecovery) this.recovery = new McubootRecovery(this.flash, opts.flashWriteAlign);
    this.attach(transport);
  }

  /**
   * Connects to a new transport, or the same end again, after a cable pull: the half line
   * from before is gone, the flash is kept.
   */
  attach(transport: ByteTransport): void {
    this.transport.off('data', this.hear);
    this.transport = transport;
    this.line = [];
    this.lineTooLong = false;
    transport.on('data', this.hear);
  }

  private readonly hear = (b: Uint8Array): void => this.onData(b);

  get faults(): TargetFaults {
    return this.opts.faults ?? {};
  }

  private get bufSize(): number {
    return this.opts.bufSize ?? 2048;
  }

  private onData(chunk: Uint8Array): void {
    if (this.rebooting) return; // bytes sent to a rebooting MCU are lost
    for (const b of chunk) {
      if (b !== 0x0a) {
        // uart_mcumgr.c: a line longer than the receive buffer is ignored up to its newline.
        if (this.line.length < UART_MCUMGR_RX_BUF_SIZE) this.line.push(b);
        else this.lineTooLong = true;
        continue;
      }
      this.line.push(b);
      const line = Uint8Array.from(this.line);
      this.line = [];
      if (this.lineTooLong) {
        this.lineTooLong = false;
        this.stats.droppedLines++;
        continue;
      }
      const smp = (line[0] === 6 && line[1] === 9) || (line[0] === 4 && line[1] === 0x14);
      if (smp && ++this.smpLines === this.faults.dropLine) continue;
      for (const ev of this.decoder.push(line)) {
        if (ev.type === 'packet') this.enqueue(ev.body);
      }
    }
  }

  private enqueue(body: Uint8Array): void {
    const epoch = this.epoch;
    this.queue = this.queue
      .then(() => (epoch === this.epoch ? this.handle(body) : undefined))
      .catch(() => {});
  }

  private uptime(): string {
    const ms = Date.now() - this.started;
    const s = Math.floor(ms / 1000);
    return `[${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')},000]`;
  }

  private log(text: string): void {
    void this.transport.write(utf8(`${this.uptime()} ${text}\r\n`)).catch(() => {});
  }

  /** smp.c smp_make_rsp_hdr: response op, the request's group, sequence, id and version. */
  private async send(h: RequestHeader, payload: ZMap, seqOverride?: number): Promise<void> {
    const cbor = encodeZcbor(payload);
    const body = new Uint8Array(SMP_HEADER_BYTES + cbor.length);
    body[0] =
      ((Math.min(h.version, 1) & 0x3) << 3) |
      (h.op === SmpOp.read ? SmpOp.readResponse : SmpOp.writeResponse);
    body[1] = 0;
    body[2] = cbor.length >> 8;
    body[3] = cbor.length & 0xff;
    body[4] = h.group >> 8;
    body[5] = h.group & 0xff;
    body[6] = (seqOverride ?? h.seq) & 0xff;
    body[7] = h.id;
    body.set(cbor, SMP_HEADER_BYTES);
    this.emit('response', body);
    const lines = frameSmp(body);
    if (++this.responses === this.faults.corruptResponse) {
      const last = lines[lines.length - 1]!;
      last[last.length - 3] = last[last.length - 3] === 0x41 ? 0x42 : 0x41;
    }
    const parts: Uint8Array[] = [];
    for (const l of lines) {
      if (this.faults.noise) parts.push(utf8(`${this.uptime()} <inf> fareader_panel: tick\r\n`));
      parts.push(l);
    }
    await this.transport.write(concatBytes(...parts)).catch(() => {});
  }

  private async handle(body: Uint8Array): Promise<void> {
    // smp.c smp_process_request_packet: a packet shorter than a header is dropped silently.
    if (body.length < SMP_HEADER_BYTES) {
      this.stats.droppedPackets++;
      return;
    }
    const header: RequestHeader = {
      op: body[0]! & 0x7,
      version: (body[0]! >> 3) & 0x3,
      group: (body[4]! << 8) | body[5]!,
      seq: body[6]!,
      id: body[7]!,
    };
    this.emit('request', body);
    if (body.length > this.bufSize) {
      // The transport's net_buf cannot hold it: the UART receiver drops the frame.
      this.stats.droppedPackets++;
      this.log(`<err> smp: packet of ${body.length} bytes exceeds the ${this.bufSize}-byte buffer`);
      return;
    }
    const length = (body[2]! << 8) | body[3]!;
    if (this.recovery) {
      // boot_serial_input drops a packet whose header says fewer bytes than it carries.
      if (length < body.length - SMP_HEADER_BYTES) return;
      this.stats.requests++;
      return this.recoveryRequest(header, body, length);
    }
    // A payload shorter than the header says is MGMT_ERR_ECORRUPT; bytes beyond it would be
    // read as a further request, which a client never sends over the console transport.
    if (body.length - SMP_HEADER_BYTES < length) return this.send(header, mgmtError(MgmtErr.ecorrupt));
    this.stats.requests++;
    const req: Request = { header, payload: body.subarray(SMP_HEADER_BYTES, SMP_HEADER_BYTES + length) };
    if (header.op !== SmpOp.read && header.op !== SmpOp.write)
      return this.send(header, mgmtError(MgmtErr.enotsup));
    if (header.version === 0 && this.opts.originalProtocol === false)
      return this.send(header, mgmtError(MgmtErr.unsupportedTooOld));
    if (header.version > 1) return this.send(header, mgmtError(MgmtErr.unsupportedTooNew));
    const answer = await this.dispatch(req);
    if (answer === 'reset') return;
    if (answer) await this.send(header, answer);
  }

  /** boot_serial.c boot_serial_input: only reads and writes; everything else is dropped. */
  private async recoveryRequest(header: RequestHeader, body: Uint8Array, length: number): Promise<void> {
    if (header.op !== SmpOp.read && header.op !== SmpOp.write) return;
    const payload = body.subarray(SMP_HEADER_BYTES, SMP_HEADER_BYTES + length);
    const answer = this.recovery!.answer(header.group, header.id, header.op === SmpOp.write, payload);
    if (answer !== 'reset') return this.send(header, answer);
    await this.send(header, { rc: 0 });
    this.reset('reset command');
  }

  /** Whether the board sits in MCUboot serial recovery. */
  get inSerialRecovery(): boolean {
    return this.recovery !== undefined;
  }

  /** The handler table: undefined where Zephyr has no handler (MGMT_ERR_ENOTSUP). */
  private async dispatch(req: Request): Promise<ZMap | 'reset' | undefined> {
    const { group, id, op } = req.header;
    const write = op === SmpOp.write;
    const read = !write;
    const notsup = mgmtError(MgmtErr.enotsup);
    if (group === SmpGroup.os) {
      if (id === SmpCmd.os.echo) return this.echo(req);
      if (id === SmpCmd.os.reset && write) {
        // Without CONFIG_MCUMGR_GRP_OS_RESET_HOOK the payload is not even decoded.
        await this.send(req.header, {});
        this.reset('reset command');
        return 'reset';
      }
      if (id === SmpCmd.os.params && read)
        return { buf_size: this.bufSize, buf_count: this.opts.bufCount ?? 4 };
      if (id === SmpCmd.os.info && read) return this.osInfo(req);
      if (id === SmpCmd.os.bootloaderInfo && read) return this.bootloaderInfo(req);
      return notsup;
    }
    if (group === SmpGroup.image) {
      if (id === SmpCmd.image.state) return write ? this.stateWrite(req) : this.stateRead();
      if (id === SmpCmd.image.upload && write) return this.uploadChunk(req);
      if (id === SmpCmd.image.erase && write) return this.erase(req);
      return notsup;
    }
    if (group === SmpGroup.shell && id === SmpCmd.shell.exec && write) return this.shellExec(req);
    return notsup;
  }

  private echo(req: Request): ZMap {
    const d = decodeBulk(req.payload, { d: zcbor.tstr });
    if (!d.ok) return this.refuse(d.why);
    return { r: d.values.d ?? '' };
  }

  /** os_mgmt.c os_mgmt_info: format letters in, one line of uname-like text out. */
  private osInfo(req: Request): ZMap {
    const d = decodeBulk(req.payload, { format: zcbor.tstr });
    if (!d.ok) return this.refuse(d.why);
    const fields: [string, string][] = [
      ['s', 'Zephyr'],
      ['n', 'fareader-panel'],
      ['r', this.opts.firmwareVersion ?? 'v1.0.0'],
      ['v', '3.7.0'],
      ['m', 'arm'],
      ['p', 'cortex-m4'],
      ['i', 'nrf52840dk/nrf52840'],
      ['o', 'Zephyr'],
    ];
    const format = d.values.format ?? '';
    const letters = new Set<string>();
    for (const c of format) {
      if (c === 'a') for (const [l] of fields) letters.add(l);
      else if (fields.some(([l]) => l === c)) letters.add(c);
      else return groupError(req.header.version, SmpGroup.os, OsMgmtErr.invalidFormat);
    }
    if (letters.size === 0) letters.add('s');
    return {
      output: fields
        .filter(([l]) => letters.has(l))
        .map(([, v]) => v)
        .join(' '),
    };
  }

  /** os_mgmt.c os_mgmt_bootloader_info: answers only what the query asks. */
  private bootloaderInfo(req: Request): ZMap {
    const d = decodeBulk(req.payload, { query: zcbor.tstr });
    if (!d.ok) return this.refuse(d.why);
    if (d.matched === 0) return { bootloader: 'MCUboot' };
    if (d.values.query === 'mode') return { mode: this.opts.bootloaderMode ?? SWAP_USING_MOVE };
    // Upstream returns the group code from the handler itself, so it goes out as a bare rc.
    return mgmtError(OsMgmtErr.queryYieldsNoAnswer);
  }

  /** img_mgmt_state.c img_mgmt_state_read, single-image build, without the frugal list. */
  private stateRead(): ZMap {
    const f = this.flash;
    // Next boot per MCUboot's swap type: test, permanent, revert (running an unconfirmed test).
    const type = f.pending
      ? f.pending.permanent
        ? 'normal'
        : 'test'
      : f.testing && !f.confirmed
        ? 'revert'
        : 'none';
    const flags = (slot: 0 | 1) =>
      slot === 0
        ? { pending: false, confirmed: type !== 'revert', active: true, permanent: false }
        : {
            pending: type === 'normal' || type === 'test',
            confirmed: type === 'revert',
            active: false,
            permanent: type === 'normal',
          };
    const images: ZMap[] = [];
    for (const slot of [0, 1] as const) {
      const s = f.slots[slot];
      if (!s?.readable) continue; // img_mgmt_read_info failed: the slot is not listed
      images.push({ slot, version: s.version, hash: s.hash, bootable: s.bootableFlag, ...flags(slot) });
    }
    return { images, splitStatus: 0 };
  }

  /** img_mgmt_state.c img_mgmt_state_write and img_mgmt_set_next_boot_slot. */
  private stateWrite(req: Request): ZMap {
    const d = decodeBulk(req.payload, { hash: zcbor.bstr, confirm: zcbor.bool });
    if (!d.ok) return this.refuse(d.why);
    const v = req.header.version;
    const fail = (rc: number): ZMap => groupError(v, SmpGroup.image, rc);
    const confirm = d.values.confirm ?? false;
    const hash = d.values.hash ?? new Uint8Array();
    const f = this.flash;
    let slot: 0 | 1;
    if (hash.length === 0) {
      if (!confirm) return fail(ImgMgmtErr.invalidHash);
      slot = 0;
    } else if (hash.length !== f.listedHashBytes) return fail(ImgMgmtErr.invalidHash);
    else {
      const found = f.slotOf(hash);
      if (found === undefined || !f.slots[found]?.readable) return fail(ImgMgmtErr.hashNotFound);
      slot = found;
    }
    if (!confirm && slot === 0) return fail(ImgMgmtErr.imageSettingTestToActiveDenied);
    const type = f.pending
      ? f.pending.permanent
        ? 'normal-other'
        : 'test'
      : f.testing && !f.confirmed
        ? 'revert'
        : 'normal';
    if (type === 'test') {
      if (!confirm && slot === 1) return this.stateRead();
      return fail(ImgMgmtErr.imageAlreadyPending);
    }
    if (type === 'normal-other') {
      if (confirm && slot === 1) return this.stateRead();
      return fail(ImgMgmtErr.imageAlreadyPending);
    }
    if (type === 'revert') {
      if (confirm && slot === 1) return this.stateRead(); // already the next boot, confirmed
      if (!confirm) return fail(ImgMgmtErr.imageAlreadyPending);
    } else if (confirm && slot === 0) return this.stateRead(); // nothing to do
    // boot_set_next: confirm the running image, or request an upgrade of the other slot.
    if (slot === 0) {
      f.confirmed = true;
      f.testing = false;
    } else f.pending = { permanent: confirm };
    return this.stateRead();
  }

  /** img_mgmt.c img_mgmt_erase: the other slot unless `slot` is given, refused while in use. */
  private erase(req: Request): ZMap {
    const d = decodeBulk(req.payload, { slot: zcbor.uint32 });
    if (!d.ok) return this.refuse(d.why);
    const slot = d.values.slot ?? 1;
    const f = this.flash;
    if (slot > 1) return groupError(req.header.version, SmpGroup.image, ImgMgmtErr.invalidSlot);
    const inUse = slot === 0 || f.pending !== undefined || (f.testing && !f.confirmed);
    if (f.slots[slot]?.readable && inUse)
      return groupError(req.header.version, SmpGroup.image, ImgMgmtErr.noFreeSlot);
    f.slots[slot] = undefined;
    this.upload = undefined;
    return {};
  }

  /** img_mgmt.c img_mgmt_upload with zephyr_img_mgmt.c img_mgmt_upload_inspect. */
  private async uploadChunk(req: Request): Promise<ZMap | undefined> {
    const d = decodeBulk(req.payload, {
      image: zcbor.uint32,
      data: zcbor.bstr,
      len: zcbor.uint32,
      off: zcbor.uint32,
      sha: zcbor.bstr,
      upgrade: zcbor.bool,
    });
    if (!d.ok) return this.refuse(d.why);
    const { version, seq } = req.header;
    const fail = (rc: number): ZMap => groupError(version, SmpGroup.image, rc);
    const { off, len } = d.values;
    const data = d.values.data ?? new Uint8Array();
    const sha = d.values.sha ?? new Uint8Array();
    const f = this.flash;
    if (off === undefined) return fail(ImgMgmtErr.invalidOffset);
    if (off === 0) {
      if (data.length < 32) return fail(ImgMgmtErr.invalidImageHeader);
      if (len === undefined) return fail(ImgMgmtErr.invalidLength);
      if (new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true) !== 0x96f3b83d)
        return fail(ImgMgmtErr.invalidImageHeaderMagic);
      if (sha.length > 32) return fail(ImgMgmtErr.invalidHash);
      const u = this.upload;
      if (u && sha.length > 0 && bytesEqual(u.sha, sha)) {
        this.log(`<inf> img_mgmt: resuming upload at ${u.off}`);
        return { off: u.off };
      }
      if (f.pending || (f.testing && !f.confirmed)) return fail(ImgMgmtErr.noFreeSlot);
      if (len > SLOT_BYTES) return fail(ImgMgmtErr.invalidImageTooLarge);
      if (d.values.upgrade && this.runningIsNewerOrSame(data)) return fail(ImgMgmtErr.currentVersionIsNewer);
      // A new upload: erase the secondary slot first (slow on real flash).
      f.slots[1] = undefined;
      this.upload = { sha: sha.slice(), len, data: new Uint8Array(len), off: 0 };
      if (this.opts.eraseMs) await new Promise((r) => setTimeout(r, this.opts.eraseMs));
    }
    const u = this.upload;
    const mis = this.faults.misbehave;
    if (mis && off > 0 && u) {
      if (mis === 'garbage') {
        await this.transport.write(frameSmp(utf8('\x00\x01garbage'))[0]!).catch(() => {});
        return undefined;
      }
      if (mis === 'wrong-seq') {
        await this.send(req.header, { off: u.off }, (seq + 17) & 0xff);
        return undefined;
      }
      if (mis === 'error-rc') return mgmtError(MgmtErr.eaccessdenied);
      if (mis === 'offset-backwards') return { off: Math.max(1, Math.floor(u.off / 4)) };
    }
    // Not the offset it expects (or no upload in progress): drop the data, say where it stands.
    if (!u || off !== u.off) return { off: u?.off ?? 0 };
    if (off + data.length > u.len) return fail(ImgMgmtErr.invalidImageDataOverrun);
    const wbps = this.opts.flashWriteBytesPerSecond;
    if (wbps) await new Promise((r) => setTimeout(r, (data.length * 1000) / wbps));
    u.data.set(data, off);
    u.off += data.length;
    const resetAt = this.faults.resetAtOffset;
    if (resetAt !== undefined && !this.resetDone && u.off >= resetAt) {
      this.resetDone = true;
      this.reset('watchdog');
      return undefined;
    }
    if (u.off < u.len) return { off: u.off };
    // CONFIG_IMG_ENABLE_IMAGE_CHECK: the last answer says whether the SHA-256 matched.
    const match = bytesEqual(new Uint8Array(createHash('sha256').update(u.data).digest()), u.sha);
    // A padded image brings its own trailer: MCUboot (and img_mgmt's state list, which reads
    // the same trailer) sees it pending from now on, for a test or for good.
    f.program(1, u.data);
    this.upload = undefined;
    this.stats.uploadsCompleted++;
    this.log(`<inf> img_mgmt: upload of ${u.len} bytes done`);
    return { off: u.off, match };
  }

  /** img_mgmt_vercmp without the build number (CONFIG_MCUMGR_GRP_IMG_VERSION_CMP_USE_BUILD_NUMBER off). */
  private runningIsNewerOrSame(header: Uint8Array): boolean {
    const running = this.flash.slots[0]?.bytes;
    if (!running || running.length < 32) return false;
    const ver = (b: Uint8Array): number[] => {
      const dv = new DataView(b.buffer, b.byteOffset, 32);
      return [dv.getUint8(20), dv.getUint8(21), dv.getUint16(22, true)];
    };
    const [a, b] = [ver(running), ver(header)];
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return true;
  }

  /** shell_mgmt.c shell_mgmt_exec: `argv` joined with spaces, run on the dummy shell backend. */
  private shellExec(req: Request): ZMap {
    const d = decodeBulk(req.payload, { argv: zcbor.tstrList });
    if (!d.ok || !d.values.argv) return this.refuse(d.ok ? 'no "argv" list' : d.why);
    const argv = d.values.argv;
    if (argv.length === 0) return groupError(req.header.version, SmpGroup.shell, ShellMgmtErr.emptyCommand);
    const { o, ret } = this.shell(argv);
    return { o, ret };
  }

  private shell(argv: string[]): { o: string; ret: number } {
    switch (argv[0]) {
      case 'version':
        return { o: `fareader-panel ${this.flash.slots[0]?.version ?? 'none'}\n`, ret: 0 };
      case 'uptime':
        return { o: `${Math.floor((Date.now() - this.started) / 1000)} s\n`, ret: 0 };
      case 'echo':
        return { o: `${argv.slice(1).join(' ')}\n`, ret: 0 };
      default:
        return { o: `${argv[0] ?? ''}: command not found\n`, ret: -8 }; // -ENOEXEC
    }
  }

  /** A request zcbor could not decode: the handler returns MGMT_ERR_EINVAL. */
  private refuse(why: string): ZMap {
    this.log(`<dbg> mcumgr: request refused by the decoder: ${why}`);
    return mgmtError(MgmtErr.einval);
  }

  /** Emulated reset: the MCU stops answering, MCUboot runs, the app boots again. */
  reset(why: string): void {
    this.stats.resets++;
    this.epoch++;
    this.rebooting = true;
    // A reset empties the UART's receive buffer, the too-long line's drop state with it.
    this.line = [];
    this.lineTooLong = false;
    this.upload = undefined;
    setTimeout(() => {
      const result = this.flash.boot();
      // Out of serial recovery once a valid application is there to boot.
      if (this.recovery && this.flash.slots[0]?.valid) this.recovery = undefined;
      this.rebooting = false;
      void this.transport
        .write(
          utf8(
            `*** Booting MCUboot ***\r\nI: ${why}; swap: ${result}\r\n*** Booting Zephyr OS build v3.7.0 ***\r\n`,
          ),
        )
        .catch(() => {});
    }, this.opts.rebootMs ?? 200);
  }
}
