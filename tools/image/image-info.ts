// What `readerctl image info` shows: the fields imgtool dumpinfo prints (header, flags,
// protected and unprotected TLVs, trailer), with the security counter and flags decoded.
import { toHex } from '../../protocol/bytes.js';
import {
  flagNames,
  hashAlgorithmOfTlv,
  IMAGE_MAGIC,
  type ParsedImage,
  signatureAlgorithmOfTlv,
  TLV_INFO_MAGIC,
  TLV_PROT_INFO_MAGIC,
  TlvType,
  tlvName,
} from '../../protocol/mcuboot/image.js';

export interface ImageInfo {
  readonly version: string;
  readonly header: {
    readonly magic: number;
    readonly loadAddr: number;
    readonly hdrSize: number;
    readonly protectedTlvSize: number;
    readonly imgSize: number;
    readonly flags: number;
    readonly flagNames: readonly string[];
    /** As dumpinfo writes it: major.minor.revision+build, build always shown. */
    readonly version: string;
  };
  readonly headerSize: number;
  readonly bodySize: number;
  readonly loadAddr: number;
  readonly flags: number;
  readonly protectedTlvSize: number;
  readonly securityCounter?: number;
  readonly hashAlgorithm?: string;
  readonly hash?: string;
  readonly signatures: readonly string[];
  readonly protectedTlvArea?: { readonly offset: number; readonly magic: number; readonly size: number };
  readonly tlvArea: { readonly offset: number; readonly magic: number; readonly size: number };
  readonly tlvs: readonly {
    readonly type: string;
    readonly typeId: number;
    readonly protected: boolean;
    readonly length: number;
    readonly value: string;
  }[];
  /** Where the TLV area ends; a padded image's file is longer (see trailer). */
  readonly totalSize: number;
  readonly trailer?: {
    readonly padding: number;
    readonly magic: string;
    readonly maxAlign: number;
    readonly imageOk: number;
    readonly copyDone: number;
    readonly swapInfo: number;
    readonly swapSize: number;
  };
  /** Bytes after the TLV area that are not a trailer (no boot magic). */
  readonly strayBytes?: number;
}

export function describeImage(p: ParsedImage): ImageInfo {
  const h = p.header;
  const v = h.version;
  const tlvStart = h.hdrSize + h.imgSize;
  const mainStart = tlvStart + h.protectTlvSize;
  const sec = p.tlvs.find((t) => t.protected && t.type === TlvType.SEC_CNT && t.value.length === 4);
  const hashTlv = p.tlvs.find((t) => !t.protected && hashAlgorithmOfTlv(t.type));
  const secCnt = sec
    ? (sec.value[0]! | (sec.value[1]! << 8) | (sec.value[2]! << 16) | (sec.value[3]! << 24)) >>> 0
    : undefined;
  return {
    version: `${v.major}.${v.minor}.${v.revision}${v.build ? `+${v.build}` : ''}`,
    header: {
      magic: IMAGE_MAGIC,
      loadAddr: h.loadAddr,
      hdrSize: h.hdrSize,
      protectedTlvSize: h.protectTlvSize,
      imgSize: h.imgSize,
      flags: h.flags,
      flagNames: flagNames(h.flags),
      version: `${v.major}.${v.minor}.${v.revision}+${v.build}`,
    },
    headerSize: h.hdrSize,
    bodySize: h.imgSize,
    loadAddr: h.loadAddr,
    flags: h.flags,
    protectedTlvSize: h.protectTlvSize,
    ...(secCnt === undefined ? {} : { securityCounter: secCnt }),
    ...(hashTlv ? { hashAlgorithm: hashAlgorithmOfTlv(hashTlv.type)!, hash: toHex(hashTlv.value) } : {}),
    signatures: p.tlvs
      .filter((t) => !t.protected && signatureAlgorithmOfTlv(t.type))
      .map((t) => tlvName(t.type)),
    ...(h.protectTlvSize
      ? { protectedTlvArea: { offset: tlvStart, magic: TLV_PROT_INFO_MAGIC, size: h.protectTlvSize } }
      : {}),
    tlvArea: { offset: mainStart, magic: TLV_INFO_MAGIC, size: p.totalSize - mainStart },
    tlvs: p.tlvs.map((t) => ({
      type: tlvName(t.type),
      typeId: t.type,
      protected: t.protected,
      length: t.value.length,
      value: toHex(t.value),
    })),
    totalSize: p.totalSize,
    ...(p.trailer
      ? {
          trailer: {
            padding: p.padding,
            magic: toHex(p.trailer.magic),
            maxAlign: p.trailer.maxAlign,
            imageOk: p.trailer.imageOk,
            copyDone: p.trailer.copyDone,
            swapInfo: p.trailer.swapInfo,
            swapSize: p.trailer.swapSize,
          },
        }
      : {}),
    ...(p.padding > 0 && !p.trailer ? { strayBytes: p.padding } : {}),
  };
}

const hex = (n: number): string => `0x${n.toString(16)}`;
/** dumpinfo's reading of a trailer flag (erased 0xff reads INVALID, as there). */
const flag = (b: number): string => ({ 1: 'SET', 2: 'BAD', 3: 'UNSET', 4: 'ANY' })[b] ?? 'INVALID';

export function formatImageInfo(d: ImageInfo): string {
  const h = d.header;
  const lines = [
    `version             ${d.version}`,
    `load address        ${hex(h.loadAddr)}`,
    `flags               ${h.flags ? `${h.flagNames.join(' ')} (${hex(h.flags)})` : '0x0'}`,
    `header size         ${hex(h.hdrSize)}`,
    `body size           ${hex(h.imgSize)} (${h.imgSize} bytes)`,
    `protected TLVs      ${hex(h.protectedTlvSize)}`,
  ];
  if (d.securityCounter !== undefined) lines.push(`security counter    ${d.securityCounter}`);
  if (d.hash) lines.push(`hash                ${d.hashAlgorithm} ${d.hash}`);
  lines.push(`signatures          ${d.signatures.length ? d.signatures.join(', ') : 'none (unsigned)'}`);
  const area = (name: string, a: { offset: number; size: number }, prot: boolean): void => {
    lines.push(`${name} (offset ${hex(a.offset)}, ${hex(a.size)} bytes):`);
    for (const t of d.tlvs.filter((x) => x.protected === prot)) {
      const v = t.value.length > 64 ? `${t.value.slice(0, 64)}…` : t.value;
      lines.push(
        `  ${t.type.padEnd(10)} ${hex(t.typeId).padEnd(5)} ${String(t.length).padStart(4)} bytes  ${v}`,
      );
    }
  };
  if (d.protectedTlvArea) area('protected TLV area', d.protectedTlvArea, true);
  area('TLV area', d.tlvArea, false);
  if (d.trailer) {
    const t = d.trailer;
    lines.push(
      `trailer (slot padding ${t.padding} bytes, max align ${t.maxAlign}):`,
      `  swap size         ${t.swapSize === 0xffffffff ? 'unknown' : t.swapSize}`,
      `  swap info         ${flag(t.swapInfo)} (${hex(t.swapInfo)})`,
      `  copy done         ${flag(t.copyDone)} (${hex(t.copyDone)})`,
      `  image ok          ${flag(t.imageOk)} (${hex(t.imageOk)})`,
      `  boot magic        ${t.magic}`,
    );
  } else if (d.strayBytes) {
    lines.push(`${d.strayBytes} stray bytes after the TLV area (no boot magic: not an image trailer)`);
  }
  return `${lines.join('\n')}\n`;
}
