// The image trailer at the end of a slot (bootutil_public.c, imgtool Image.pad_to): swap status,
// swap size/info, copy-done, image-ok, boot magic. `imgtool sign --pad` writes an erased
// trailer with the magic (so the bootloader swaps the image in at the next boot), `--confirm`
// also sets image-ok (so it stays after the swap).
import { bytesEqual } from '../bytes.js';
import { ErrorCode, ReaderError } from '../errors.js';
import { ERASED } from './format.js';

/** The boot magic when the maximum write alignment is the default 8 bytes. */
export const BOOT_MAGIC = Uint8Array.from([
  0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f, 0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
]);
/** Otherwise: u16 max-align ‖ these 14 bytes. */
const BOOT_MAGIC_ALIGNED_TAIL = Uint8Array.from([
  0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a,
]);
const MAGIC_BYTES = 16;
export const DEFAULT_MAX_SECTORS = 128;
const DEFAULT_MAX_ALIGN = 8;
const WRITE_ALIGNS = [1, 2, 4, 8, 16, 32] as const;

/** Flag values as bootutil writes them; anything else reads as INVALID (erased is 0xff). */
export const FLAG_SET = 0x01;

export interface TrailerLayout {
  /** Flash write alignment (imgtool --align). */
  readonly align: number;
  /** Sectors the swap status area has room for (imgtool --max-sectors). */
  readonly maxSectors: number;
  /** Alignment of the trailer fields: max(8, align) unless given (imgtool --max-align). */
  readonly maxAlign: number;
}

export function trailerLayout(opts: {
  align?: number;
  maxSectors?: number;
  maxAlign?: number;
}): TrailerLayout {
  const align = opts.align ?? 1;
  if (!(WRITE_ALIGNS as readonly number[]).includes(align)) {
    throw new ReaderError(ErrorCode.Usage, `--align ${align} is not one of ${WRITE_ALIGNS.join(', ')}`);
  }
  const maxSectors = opts.maxSectors ?? DEFAULT_MAX_SECTORS;
  if (!Number.isInteger(maxSectors) || maxSectors < 1 || maxSectors > 0xffff) {
    throw new ReaderError(ErrorCode.Usage, `--max-sectors ${maxSectors} is not in 1..65535`);
  }
  const maxAlign = opts.maxAlign ?? Math.max(DEFAULT_MAX_ALIGN, align);
  if (![8, 16, 32].includes(maxAlign) || maxAlign < align) {
    throw new ReaderError(ErrorCode.Usage, `--max-align ${maxAlign} is not 8, 16 or 32 (and ≥ --align)`);
  }
  return { align, maxSectors, maxAlign };
}

const alignUp = (n: number, a: number): number => Math.ceil(n / a) * a;

/** Bytes the trailer takes at the end of the slot (unencrypted images). */
export function trailerSize(l: TrailerLayout): number {
  return l.maxSectors * 3 * l.align + l.maxAlign * 4 + alignUp(MAGIC_BYTES, l.maxAlign);
}

export function bootMagic(maxAlign: number): Uint8Array {
  if (maxAlign === DEFAULT_MAX_ALIGN) return BOOT_MAGIC.slice();
  const out = new Uint8Array(MAGIC_BYTES);
  out[0] = maxAlign & 0xff;
  out[1] = maxAlign >> 8;
  out.set(BOOT_MAGIC_ALIGNED_TAIL, 2);
  return out;
}

/** The erased trailer with the magic, image-ok set when `confirm`: imgtool's pad_to. */
export function buildTrailer(l: TrailerLayout, confirm: boolean): Uint8Array {
  const out = new Uint8Array(trailerSize(l)).fill(ERASED);
  out.set(bootMagic(l.maxAlign), out.length - MAGIC_BYTES);
  if (confirm) out[out.length - alignUp(MAGIC_BYTES, l.maxAlign) - l.maxAlign] = FLAG_SET;
  return out;
}

export interface ImageTrailer {
  readonly magic: Uint8Array;
  readonly maxAlign: number;
  readonly imageOk: number;
  readonly copyDone: number;
  readonly swapInfo: number;
  /** 0xffffffff (erased) when unknown. */
  readonly swapSize: number;
}

/**
 * Reads the trailer fields back from the end of a slot image, as imgtool dumpinfo does.
 * Undefined when the end does not hold a boot magic (then the bytes are not a trailer).
 */
export function parseTrailer(slotEnd: Uint8Array): ImageTrailer | undefined {
  if (slotEnd.length < MAGIC_BYTES) return undefined;
  const magic = slotEnd.slice(slotEnd.length - MAGIC_BYTES);
  let maxAlign: number;
  if (bytesEqual(magic, BOOT_MAGIC)) maxAlign = DEFAULT_MAX_ALIGN;
  else if (bytesEqual(magic.subarray(2), BOOT_MAGIC_ALIGNED_TAIL)) maxAlign = magic[0]! | (magic[1]! << 8);
  else return undefined;
  if (maxAlign < 1 || maxAlign > 1024) return undefined;
  const magicArea = alignUp(MAGIC_BYTES, maxAlign);
  const at = (k: number): number => slotEnd.length - magicArea - k * maxAlign;
  if (at(4) < 0) return undefined;
  const s = at(4);
  return {
    magic,
    maxAlign,
    imageOk: slotEnd[at(1)]!,
    copyDone: slotEnd[at(2)]!,
    swapInfo: slotEnd[at(3)]!,
    swapSize:
      (slotEnd[s]! | (slotEnd[s + 1]! << 8) | (slotEnd[s + 2]! << 16) | (slotEnd[s + 3]! << 24)) >>> 0,
  };
}
