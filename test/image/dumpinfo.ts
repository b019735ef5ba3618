// Reads `imgtool dumpinfo` output (imgtool 2.4's human format) back into fields, so tests
// compare our image reader with what imgtool itself printed, not with our own idea of it.

export interface DumpTlv {
  readonly name: string;
  readonly type: number;
  readonly len: number;
  readonly data: string;
}

export interface DumpArea {
  readonly offset: number;
  readonly magic: number;
  readonly size: number;
  readonly tlvs: DumpTlv[];
}

export interface DumpInfo {
  readonly header: Record<'magic' | 'load_addr' | 'hdr_size' | 'protected_tlv_size' | 'img_size', number> & {
    readonly flags: number;
    readonly flagNames: string[];
    readonly version: string;
  };
  readonly protectedArea?: DumpArea;
  readonly area: DumpArea;
  readonly trailer?: {
    readonly swapSize?: number;
    readonly swapInfo: number;
    readonly copyDone: number;
    readonly imageOk: number;
    readonly magic: string;
  };
}

const num = (s: string): number => Number(s.trim());
const bytesHex = (s: string): string => [...s.matchAll(/0x([0-9a-f]{2})/g)].map((m) => m[1]).join('');

function section(text: string, title: RegExp): string | undefined {
  const m = title.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const end = rest.search(/^#{5,}|^#### /m);
  return end < 0 ? rest : rest.slice(0, end);
}

function area(text: string, title: RegExp): DumpArea | undefined {
  const m = title.exec(text);
  if (!m) return undefined;
  const body = section(text, title)!;
  const tlvs: DumpTlv[] = [];
  for (const chunk of body.split(/^\s+-{45}\s*$/m).slice(1)) {
    const t = /type: (\S+) \((0x[0-9a-f]+)\)/.exec(chunk)!;
    const len = /len:\s+(0x[0-9a-f]+)/.exec(chunk)!;
    const data = chunk.slice(chunk.indexOf('data:') + 5);
    tlvs.push({ name: t[1]!, type: num(t[2]!), len: num(len[1]!), data: bytesHex(data) });
  }
  return {
    offset: num(m[1]!),
    magic: num(/magic:\s+(0x[0-9a-f]+)/.exec(body)![1]!),
    size: num(/area size:\s+(0x[0-9a-f]+)/.exec(body)![1]!),
    tlvs,
  };
}

export function parseDumpinfo(text: string): DumpInfo {
  const h = section(text, /#### Image header \(offset: 0x0\) #+\n/)!;
  const field = (k: string): string => new RegExp(`^${k}:\\s+(.*)$`, 'm').exec(h)![1]!.trim();
  const flagsText = field('flags');
  const named = [...flagsText.matchAll(/([A-Z_0-9]+) \((0x[0-9a-f]+)\)/g)];
  const header = {
    magic: num(field('magic')),
    load_addr: num(field('load_addr')),
    hdr_size: num(field('hdr_size')),
    protected_tlv_size: num(field('protected_tlv_size')),
    img_size: num(field('img_size')),
    flags: named.length ? named.reduce((f, m) => f | num(m[2]!), 0) : num(flagsText),
    flagNames: named.map((m) => m[1]!),
    version: field('version'),
  };
  const protectedArea = area(text, /#### Protected TLV area \(offset: (0x[0-9a-f]+)\) #+\n/);
  const main = area(text, /#### TLV area \(offset: (0x[0-9a-f]+)\) #+\n/)!;
  const t = section(text, /#### Image trailer \(offset: [^)]*\) #+\n/);
  const status = (k: string): number =>
    num(new RegExp(`^${k}:\\s+\\S+ \\((0x[0-9a-f]+)\\)`, 'm').exec(t!)![1]!);
  const swap = t ? /^swap size:\s+(\S+)/m.exec(t)![1]! : undefined;
  return {
    header,
    ...(protectedArea ? { protectedArea } : {}),
    area: main,
    ...(t
      ? {
          trailer: {
            ...(swap === 'unknown' ? {} : { swapSize: num(swap!) }),
            swapInfo: status('swap_info'),
            copyDone: status('copy_done'),
            imageOk: status('image_ok'),
            magic: bytesHex(t.slice(t.indexOf('boot magic:') + 11)),
          },
        }
      : {}),
  };
}
