// The emulated board's flash: two image slots with MCUboot swap semantics, and the upload in
// progress. It outlives resets (it is flash), so a reset in the middle of an upload loses
// nothing the target had confirmed.
import { bytesEqual } from '../../protocol/bytes.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import { parseImage, verifyImage } from '../../protocol/mcuboot/image.js';
import { targetVersionString } from '../../protocol/smp/smp-packet.js';

/** Header flag IMAGE_F_NON_BOOTABLE (MCUboot image.h): what img_mgmt reports as "bootable". */
const IMAGE_F_NON_BOOTABLE = 0x10;

export interface SlotImage {
  readonly bytes: Uint8Array;
  readonly hash: Uint8Array;
  readonly version: string;
  /** Hash and signature check against the provisioned key: what MCUboot checks at boot. */
  readonly valid: boolean;
  /**
   * What img_mgmt_read_info finds: image magic and a SHA256 TLV. A slot without them is left
   * out of the state list, as Zephyr does.
   */
  readonly readable: boolean;
  /** The header does not carry IMAGE_F_NON_BOOTABLE: the image list's "bootable" flag. */
  readonly bootableFlag: boolean;
  /**
   * An image trailer with the boot magic (`imgtool sign --pad`): MCUboot's swap type for the
   * secondary slot is then "test", or "permanent" when image-ok is set (`--confirm`).
   */
  readonly trailer?: { readonly permanent: boolean };
}

export class TargetFlash {
  /** [primary (running), secondary (upload target)]. */
  readonly slots: [SlotImage | undefined, SlotImage | undefined] = [undefined, undefined];
  /** Secondary marked for a test swap at next boot; `permanent` when confirmed ahead. */
  pending: { permanent: boolean } | undefined;
  /** The running image was swapped in for a test and is not confirmed yet. */
  testing = false;
  confirmed = true;

  constructor(
    private readonly signingKey: Uint8Array,
    private readonly ed: Ed25519,
  ) {}

  describe(bytes: Uint8Array): SlotImage {
    let parsed: ReturnType<typeof parseImage>;
    try {
      parsed = parseImage(bytes);
    } catch {
      return {
        bytes,
        hash: new Uint8Array(32),
        version: '0.0.0',
        valid: false,
        readable: false,
        bootableFlag: false,
      };
    }
    const sha = parsed.tlvs.find((t) => t.type === 0x10 && !t.protected && t.value.length === 32)?.value;
    let valid = false;
    try {
      valid = verifyImage(bytes, this.signingKey, this.ed).ok;
    } catch {
      valid = false; // an algorithm the bootloader was not built for: it does not boot
    }
    return {
      bytes,
      hash: sha ?? new Uint8Array(32),
      version: targetVersionString(parsed.header.version),
      valid,
      readable: sha !== undefined,
      bootableFlag: (parsed.header.flags & IMAGE_F_NON_BOOTABLE) === 0,
      trailer: parsed.trailer ? { permanent: parsed.trailer.imageOk === 0x01 } : undefined,
    };
  }

  /**
   * What MCUboot does at boot: swap in a pending image, or revert an unconfirmed test. A
   * pending image that does not validate (hash, or a signature by a key the bootloader does
   * not hold) is erased and the primary boots (loader.c boot_validate_slot).
   */
  boot(): 'swapped' | 'reverted' | 'refused' | 'none' {
    if (this.pending && !this.slots[1]?.valid) {
      this.pending = undefined;
      this.slots[1] = undefined;
      return 'refused';
    }
    if (this.pending && this.slots[1]?.valid) {
      const permanent = this.pending.permanent;
      this.pending = undefined;
      [this.slots[0], this.slots[1]] = [this.slots[1], this.slots[0]];
      this.testing = !permanent;
      this.confirmed = permanent;
      return 'swapped';
    }
    this.pending = undefined;
    if (this.testing && !this.confirmed) {
      [this.slots[0], this.slots[1]] = [this.slots[1], this.slots[0]];
      this.testing = false;
      this.confirmed = true;
      return 'reverted';
    }
    this.testing = false;
    return 'none';
  }

  slotOf(hash: Uint8Array): 0 | 1 | undefined {
    if (this.slots[0] && bytesEqual(this.slots[0].hash, hash)) return 0;
    if (this.slots[1] && bytesEqual(this.slots[1].hash, hash)) return 1;
    return undefined;
  }
}
