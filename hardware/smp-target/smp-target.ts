// An SMP server behaving like a Zephyr application with MCUmgr over the console UART (or
// MCUboot serial recovery), on the device side of a pty. It parses what the host sends,
// answers through the real framing, keeps its flash across emulated resets, and has fault
// switches for testing clients.
import { createHash } from 'node:crypto';
import type { ByteTransport } from '../../device/serial/transport.js';
import { bytesEqual, concatBytes, utf8 } from '../../protocol/bytes.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import {
  decodeSmp,
  encodeSmp,
  SmpCmd,
  SmpGroup,
  SmpOp,
  type SmpPacket,
  type SmpPayload,
} from '../../protocol/smp/smp-packet.js';
import { TargetFlash } from './flash.js';

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
  readonly bufSize?: number;
  readonly bufCount?: number;
  /** Time the first chunk of an upload waits for the slot erase. */
  readonly eraseMs?: number;
  readonly rebootMs?: number;
  /** Flash programming speed; nRF52840: 41 µs per 32-bit word ≈ 97,000 B/s. Instant when unset. */
  readonly flashWriteBytesPerSecond?: number;
  readonly faults?: TargetFaults;
  readonly firmwareVersion?: string;
  readonly flash?: TargetFlash;
  /** The image in the primary slot when the board leaves the factory (confirmed). */
  readonly factoryImage?: Uint8Array;
}

const RC = { ok: 0, einval: 3, enoent: 5, ebadstate: 6, enotsup: 8, ebusy: 10 } as const;

export class SmpTarget {
  readonly flash: TargetFlash;
  private readonly decoder = new SmpSerialDecoder(16384);
  private line: number[] = [];
  private smpLines = 0;
  private responses = 0;
  private rebooting = false;
  private queue: Promise<void> = Promise.resolve();
  private resetDone = false;
  /** Bumped at every reset: requests queued before it die with the MCU's RAM. */
  private epoch = 0;
  private readonly started = Date.now();
  readonly stats = { requests: 0, resets: 0, uploadsCompleted: 0, droppedPackets: 0 };

  constructor(
    private transport: ByteTransport,
    private readonly opts: SmpTargetOptions,
  ) {
    this.flash = opts.flash ?? new TargetFlash(opts.signingKey, opts.ed);
    if (!opts.flash && opts.factoryImage) this.flash.slots[0] = this.flash.describe(opts.factoryImage);
    this.attach(transport);
  }

  /** Connects to a new transport (after a cable pull), keeping the flash. */
  attach(transport: ByteTransport): void {
    this.transport = transport;
    this.line = [];
    transport.on('data', (b) => this.onData(b));
  }

  get faults(): TargetFaults {
    return this.opts.faults ?? {};
  }

  private onData(chunk: Uint8Array): void {
    if (this.rebooting) return; // bytes sent to a rebooting MCU are lost
    for (const b of chunk) {
      this.line.push(b);
      if (b !== 0x0a) continue;
      const line = Uint8Array.from(this.line);
      this.line = [];
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

  private async send(req: SmpPacket, payload: SmpPayload, seqOverride?: number): Promise<void> {
    const h = req.header;
    const body = encodeSmp(
      {
        op: h.op === SmpOp.read ? SmpOp.readResponse : SmpOp.writeResponse,
        version: h.version,
        flags: 0,
        group: h.group,
        seq: seqOverride ?? h.seq,
        id: h.id,
      },
      payload,
    );
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

  private err(rc: number, version: 0 | 1, group: number): SmpPayload {
    return version === 1 ? { err: { group, rc } } : { rc };
  }

  private async handle(body: Uint8Array): Promise<void> {
    let req: SmpPacket;
    try {
      req = decodeSmp(body);
    } catch {
      this.stats.droppedPackets++;
      return;
    }
    if (body.length > (this.opts.bufSize ?? 2048)) {
      this.stats.droppedPackets++;
      this.log(
        `<err> smp: packet of ${body.length} bytes exceeds the ${this.opts.bufSize ?? 2048}-byte buffer`,
      );
      return;
    }
    this.stats.requests++;
    const { group, id, op, version } = req.header;
    const write = op === SmpOp.write;
    const p = req.payload;
    const reply = (payload: SmpPayload): Promise<void> => this.send(req, payload);
    const fail = (rc: number): Promise<void> => this.send(req, this.err(rc, version, group));

    if (group === SmpGroup.os) {
      if (id === SmpCmd.os.echo) return reply({ r: typeof p.d === 'string' ? p.d : '' });
      if (id === SmpCmd.os.reset && write) {
        await reply({});
        this.reset('reset command');
        return;
      }
      if (id === SmpCmd.os.params)
        return reply({ buf_size: this.opts.bufSize ?? 2048, buf_count: this.opts.bufCount ?? 4 });
      if (id === SmpCmd.os.info) {
        return reply({
          output: `Zephyr fareader-panel ${this.opts.firmwareVersion ?? '1.0.0'} 3.7.0 arm cortex-m4 nrf52840`,
        });
      }
      if (id === SmpCmd.os.bootloaderInfo) return reply({ bootloader: 'MCUboot', mode: 2 });
      return fail(RC.enotsup);
    }
    if (group === SmpGroup.image) {
      if (id === SmpCmd.image.state)
        return write ? this.stateWrite(req) : reply({ images: this.imageStates(), splitStatus: 0 });
      if (id === SmpCmd.image.upload && write) return this.uploadChunk(req);
      if (id === SmpCmd.image.erase && write) {
        if (this.flash.pending || (this.flash.testing && !this.flash.confirmed)) return fail(RC.ebadstate);
        this.flash.slots[1] = undefined;
        this.flash.upload = undefined;
        return reply({});
      }
      return fail(RC.enotsup);
    }
    if (group === SmpGroup.shell && id === SmpCmd.shell.exec) {
      const argv = Array.isArray(p.argv) ? p.argv.map(String) : [];
      return reply(this.shell(argv));
    }
    return fail(RC.enotsup);
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
        return { o: `${argv[0] ?? ''}: command not found\n`, ret: 1 };
    }
  }

  private imageStates(): SmpPayload[] {
    const f = this.flash;
    return f.slots.flatMap((s, slot) =>
      s
        ? [
            {
              image: 0,
              slot,
              version: s.version,
              hash: s.hash,
              bootable: s.valid,
              pending: slot === 1 && f.pending !== undefined,
              confirmed: slot === 0 && f.confirmed,
              active: slot === 0,
              permanent: slot === 1 && f.pending?.permanent === true,
            },
          ]
        : [],
    );
  }

  private async stateWrite(req: SmpPacket): Promise<void> {
    const p = req.payload;
    const { version, group } = req.header;
    const hash = p.hash instanceof Uint8Array ? p.hash : undefined;
    const confirm = p.confirm === true;
    const f = this.flash;
    if (!hash) {
      if (!confirm) return this.send(req, this.err(RC.einval, version, group));
      f.confirmed = true;
      f.testing = false;
      return this.send(req, { images: this.imageStates() });
    }
    const slot = f.slotOf(hash);
    if (slot === undefined) return this.send(req, this.err(RC.enoent, version, group));
    if (slot === 0) {
      if (confirm) {
        f.confirmed = true;
        f.testing = false;
      }
      return this.send(req, { images: this.imageStates() });
    }
    if (!f.slots[1]!.valid) return this.send(req, this.err(RC.einval, version, group));
    f.pending = { permanent: confirm };
    return this.send(req, { images: this.imageStates() });
  }

  private async uploadChunk(req: SmpPacket): Promise<void> {
    const p = req.payload;
    const { version, group, seq } = req.header;
    const f = this.flash;
    const off = typeof p.off === 'number' ? p.off : -1;
    const data = p.data instanceof Uint8Array ? p.data : undefined;
    if (off < 0 || !data) return this.send(req, this.err(RC.einval, version, group));
    if (off === 0) {
      const len = typeof p.len === 'number' ? p.len : -1;
      const sha = p.sha instanceof Uint8Array ? p.sha : undefined;
      if (len <= 0) return this.send(req, this.err(RC.einval, version, group));
      if (f.pending) return this.send(req, this.err(RC.ebadstate, version, group));
      const resumable =
        f.upload &&
        sha &&
        f.upload.sha.length &&
        bytesEqual(f.upload.sha, sha) &&
        f.upload.len === len &&
        f.upload.off > 0;
      if (resumable) {
        this.log(`<inf> img_mgmt: resuming upload at ${f.upload!.off}`);
        return this.send(req, { off: f.upload!.off });
      }
      // A new upload: erase the secondary slot first (slow on real flash).
      f.slots[1] = undefined;
      f.upload = { sha: sha ?? new Uint8Array(), len, data: new Uint8Array(len), off: 0 };
      if (this.opts.eraseMs) await new Promise((r) => setTimeout(r, this.opts.eraseMs));
    }
    const u = f.upload;
    if (!u) return this.send(req, this.err(RC.einval, version, group));
    const mis = this.faults.misbehave;
    if (mis && off > 0) {
      if (mis === 'garbage')
        return void (await this.transport.write(frameSmp(utf8('\x00\x01garbage'))[0]!).catch(() => {}));
      if (mis === 'wrong-seq') return this.send(req, { off: u.off }, (seq + 17) & 0xff);
      if (mis === 'error-rc') return this.send(req, this.err(RC.ebusy + 1, version, group));
      if (mis === 'offset-backwards') return this.send(req, { off: Math.max(1, Math.floor(u.off / 4)) });
    }
    if (off !== u.off) return this.send(req, { off: u.off }); // not what we asked for: ask again
    if (off + data.length > u.len) return this.send(req, this.err(RC.einval, version, group));
    const wbps = this.opts.flashWriteBytesPerSecond;
    if (wbps) await new Promise((r) => setTimeout(r, (data.length * 1000) / wbps));
    u.data.set(data, off);
    u.off += data.length;
    const reset = this.faults.resetAtOffset;
    if (reset !== undefined && !this.resetDone && u.off >= reset) {
      this.resetDone = true;
      this.reset('watchdog');
      return;
    }
    if (u.off < u.len) return this.send(req, { off: u.off });
    const match =
      u.sha.length === 0 || bytesEqual(new Uint8Array(createHash('sha256').update(u.data).digest()), u.sha);
    f.slots[1] = f.describe(u.data);
    f.upload = undefined;
    this.stats.uploadsCompleted++;
    this.log(
      `<inf> img_mgmt: upload of ${u.len} bytes done, image ${f.slots[1].valid ? 'valid' : 'INVALID'}`,
    );
    return this.send(req, { off: u.off, match });
  }

  /** Emulated reset: the MCU stops answering, MCUboot runs, the app boots again. */
  reset(why: string): void {
    this.stats.resets++;
    this.epoch++;
    this.rebooting = true;
    this.line = [];
    setTimeout(() => {
      const result = this.flash.boot();
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
