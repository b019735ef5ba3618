// MCUboot serial recovery (boot/boot_serial/src/boot_serial.c) as the board answers while it
// sits in the bootloader: a much smaller SMP server than Zephyr's. Followed here, with the
// Zephyr Kconfig defaults BOOT_SERIAL_IMG_GRP_HASH=y, BOOT_SERIAL_IMG_GRP_IMAGE_STATE=n,
// BOOT_MGMT_ECHO=y (enabled for this board), BOOT_MGMT_MCUMGR_PARAMS=n:
// - image list: only images that validate (bootutil_img_validate), each `{slot, hash, version}`
//   (no flags without IMAGE_STATE, no "active"); state write: MGMT_ERR_ENOTSUP;
// - upload (bs_upload): written straight into the primary slot; a chunk at offset 0 always
//   starts over (no resume by sha); a chunk at another offset than expected is answered with
//   the expected one; writes are cut to the flash write alignment and the rest asked again;
//   answers `{rc, off}` (rc 0) or `{rc}`;
// - every error is a bare MGMT_ERR_* `{rc}`, in SMP v1 and v2 alike; unknown commands rc 8;
// - reset answers `{rc: 0}`, then the board reboots.
// Requests are decoded with the same zcbor rules as the application (zcbor-decode.ts).
import type { TargetFlash } from './flash.js';
import { MgmtErr } from './smp-errors.js';
import { decodeBulk, parseCbor, zcbor } from './zcbor-decode.js';
import type { ZMap } from './zcbor-encode.js';

/** nRF52840's flash write block (flash_area_align); other boards have 8, 16 or 32. */
export const DEFAULT_WRITE_ALIGN = 4;
const SLOT_BYTES = 0x76000;

export class McubootRecovery {
  /** bs_upload's static state: RAM, gone at a reset. */
  private upload?: { size: number; off: number; data: Uint8Array };

  constructor(
    private readonly flash: TargetFlash,
    private readonly writeAlign = DEFAULT_WRITE_ALIGN,
  ) {}

  answer(group: number, id: number, write: boolean, payload: Uint8Array): ZMap | 'reset' {
    const rc = (code: number): ZMap => ({ rc: code });
    if (group === 1) {
      if (id === 0) return write ? rc(MgmtErr.enotsup) : this.list();
      if (id === 1) return this.uploadChunk(payload);
      return rc(MgmtErr.enotsup);
    }
    if (group === 0) {
      if (id === 0) return this.echo(payload);
      if (id === 1) return rc(0); // console echo control
      if (id === 5) return 'reset';
      return rc(MgmtErr.enotsup);
    }
    return rc(MgmtErr.enotsup);
  }

  private list(): ZMap {
    const images: ZMap[] = [];
    for (const slot of [0, 1] as const) {
      const s = this.flash.slots[slot];
      if (!s?.valid) continue; // bs_list lists only images that validate
      // The hash of the build's type (IMAGE_HASH_SIZE bytes, boot_serial_get_hash).
      images.push({ slot, ...(s.bootloaderHash ? { hash: s.bootloaderHash } : {}), version: s.version });
    }
    return { images };
  }

  /** bs_echo: skips keys up to "d", which must be text and the map's last entry. */
  private echo(payload: Uint8Array): ZMap {
    const root = parseCbor(payload);
    if (root?.t !== 'map') return { rc: MgmtErr.einval };
    const at = root.v.findIndex(([k]) => k.t === 'tstr' && k.v === 'd');
    if (at < 0 || at !== root.v.length - 1 || root.v.slice(0, at).some(([k]) => k.t !== 'tstr'))
      return { rc: MgmtErr.einval };
    const value = zcbor.tstr(root.v[at]![1]);
    return value === undefined ? { rc: MgmtErr.einval } : { r: value };
  }

  private uploadChunk(payload: Uint8Array): ZMap {
    const d = decodeBulk(payload, {
      image: zcbor.uint32,
      data: zcbor.bstr,
      len: zcbor.uint32,
      off: zcbor.uint32,
    });
    const invalid: ZMap = { rc: MgmtErr.einval };
    if (!d.ok) return invalid;
    const { off, data, len, image } = d.values;
    if (off === undefined || data === undefined) return invalid; // "Offset must be set in every block"
    if (off === 0 && (image ?? 0) > 1) return { rc: MgmtErr.enoent };
    if (off === 0) {
      if (len === undefined || len > SLOT_BYTES) return invalid;
      this.flash.slots[0] = undefined; // the whole primary slot is erased first
      this.upload = { size: len, off: 0, data: new Uint8Array(len) };
    }
    const u = this.upload;
    if (!u) return { rc: 0, off: 0 };
    if (off !== u.off) return { rc: 0, off: u.off };
    if (u.off + data.length > u.size) return invalid;
    let n = data.length - (data.length % this.writeAlign);
    if (u.off + data.length === u.size) n = data.length; // the last chunk is padded instead
    u.data.set(data.subarray(0, n), u.off);
    u.off += n;
    if (u.off === u.size) {
      this.flash.program(0, u.data);
      this.flash.pending = undefined;
      this.flash.testing = false;
      this.flash.confirmed = true;
      this.upload = undefined;
      return { rc: 0, off: u.size };
    }
    return { rc: 0, off: u.off };
  }
}
