// The emulated board's flash: two image slots with MCUboot swap semantics, and the upload in
// progress. It outlives resets (it is flash), so a reset in the middle of an upload loses
// nothing the target had confirmed.
import { bytesEqual } from '../../protocol/bytes.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import {
  type HashAlgorithm,
  hashTlvOf,
  parseImage,
  TlvType,
  verifyImage,
} from '../../protocol/mcuboot/image.js';
import { targetVersionString } from '../../protocol/smp/smp-packet.js';

/** Header flag IMAGE_F_NON_BOOTABLE (MCUboot image.h): what img_mgmt reports as "bootable". */
const IMAGE_F_NON_BOOTABLE = 0x10;

const HASH_BYTES: Record<HashAlgorithm, number> = { sha256: 32, sha384: 48, sha512: 64 };

/** How the board's MCUboot was built: the image hash it expects, and pure signatures. */
export interface BootloaderBuild {
  /**
   * MCUboot's image hash (Kconfig BOOT_IMG_HASH_ALG_SHA256 / _SHA384 / _SHA512): bootutil
   * validates only that hash TLV. The application's img_mgmt follows it with
   * CONFIG_MCUBOOT_BOOTLOADER_USES_SHA512; Zephyr has no SHA-384 setting, so on a SHA-384
   * board img_mgmt keeps looking for a SHA256 TLV.
   */
  readonly hash?: HashAlgorithm;
  /** BOOT_SIGNATURE_TYPE_PURE: Ed25519 over the image itself (SHA-512 images only). */
  readonly pure?: boolean;
}

export interface SlotImage {
  readonly bytes: Uint8Array;
  /** The hash TLV Zephyr's img_mgmt lists (IMAGE_TLV_SHA: SHA512 or SHA256, per the build). */
  readonly hash: Uint8Array;
  /** The hash TLV MCUboot validates and serial recovery lists (the build's hash). */
  readonly bootloaderHash?: Uint8Array;
  readonly version: string;
  /** Hash and signature check against the provisioned key: what MCUboot checks at boot. */
  readonly valid: boolean;
  /**
   * What img_mgmt_read_info finds: image magic and exactly one hash TLV of its type and
   * length. A slot without it is left out of the state list, as Zephyr does.
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

  readonly hashAlgorithm: HashAlgorithm;
  readonly pure: boolean;

  constructor(
    private readonly signingKey: Uint8Array,
    private readonly ed: Ed25519,
    build: BootloaderBuild = {},
  ) {
    this.pure = build.pure ?? false;
    this.hashAlgorithm = build.hash ?? (this.pure ? 'sha512' : 'sha256');
    if (this.pure && this.hashAlgorithm !== 'sha512')
      throw new RangeError('MCUboot builds pure Ed25519 signatures with SHA-512 images only');
  }

  /** IMAGE_SHA_LEN of the application's img_mgmt: 64 with SHA-512 builds, else 32. */
  get listedHashBytes(): number {
    return this.hashAlgorithm === 'sha512' ? 64 : 32;
  }

  describe(bytes: Uint8Array): SlotImage {
    let parsed: ReturnType<typeof parseImage>;
    try {
      parsed = parseImage(bytes);
    } catch {
      return {
        bytes,
        hash: new Uint8Array(this.listedHashBytes),
        version: '0.0.0',
        valid: false,
        readable: false,
        bootableFlag: false,
      };
    }
    const unprotected = parsed.tlvs.filter((t) => !t.protected);
    // img_mgmt_read_info: the first IMAGE_TLV_SHA of IMAGE_SHA_LEN bytes, a second one is
    // IMG_MGMT_ERR_TLV_MULTIPLE_HASHES_FOUND; other TLVs (any other hash) are skipped.
    const listType = this.hashAlgorithm === 'sha512' ? TlvType.SHA512 : TlvType.SHA256;
    const listed = unprotected.filter((t) => t.type === listType && t.value.length === this.listedHashBytes);
    const sha = listed.length === 1 ? listed[0]!.value : undefined;
    const bootloaderHash = unprotected.find(
      (t) => t.type === hashTlvOf[this.hashAlgorithm] && t.value.length === HASH_BYTES[this.hashAlgorithm],
    )?.value;
    let valid = false;
    try {
      const check = verifyImage(bytes, this.signingKey, this.ed);
      // bootutil_img_validate checks only its own EXPECTED_HASH_TLV, and verifies the signature
      // over the digest, or over the image in a pure build: another kind never boots.
      valid = check.ok && check.hash === this.hashAlgorithm && check.pure === this.pure;
    } catch {
      valid = false; // an algorithm the bootloader was not built for: it does not boot
    }
    return {
      bytes,
      hash: sha ?? new Uint8Array(this.listedHashBytes),
      ...(bootloaderHash ? { bootloaderHash } : {}),
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

  /**
   * Writes a whole image into a slot. In the secondary slot, an image trailer that came with
   * the bytes (imgtool --pad) is what boot_swap_type reads at the next reset: a test swap, or
   * a permanent one when image-ok is set, without any image state command.
   */
  program(slot: 0 | 1, bytes: Uint8Array): SlotImage {
    const image = this.describe(bytes);
    this.slots[slot] = image;
    if (slot === 1) this.pending = image.trailer ? { permanent: image.trailer.permanent } : undefined;
    return image;
  }

  slotOf(hash: Uint8Array): 0 | 1 | undefined {
    if (this.slots[0] && bytesEqual(this.slots[0].hash, hash)) return 0;
    if (this.slots[1] && bytesEqual(this.slots[1].hash, hash)) return 1;
    return undefined;
  }
}
