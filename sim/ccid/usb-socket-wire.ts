// The wire of the emulated USB cable between the CCID reader emulator (in the rig's process)
// and readerd's composition in another process: the WebUSB calls the CCID driver makes, as
// JSON lines over a Unix socket. Like USB/IP, it carries transfers, not CCID: the emulator
// and the driver speak CCID to each other through it unchanged.
import { StringDecoder } from 'node:string_decoder';

/** A device on the bus, as the other end sees it. */
export interface WireDevice {
  readonly dev: number;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly serialNumber?: string;
}

/** The device's state after a call: what the proxy shows as `opened` and `configuration`. */
export interface WireDeviceState {
  readonly opened: boolean;
  readonly configuration: {
    readonly configurationValue: number;
    readonly interfaces: readonly {
      readonly interfaceNumber: number;
      readonly alternate: {
        readonly interfaceClass: number;
        readonly endpoints: readonly {
          readonly endpointNumber: number;
          readonly direction: 'in' | 'out';
          readonly type: 'bulk' | 'interrupt' | 'isochronous';
          readonly packetSize: number;
        }[];
      };
    }[];
  } | null;
}

export const DEVICE_OPS = [
  'open',
  'close',
  'selectConfiguration',
  'claimInterface',
  'releaseInterface',
  'transferOut',
  'transferIn',
  'controlTransferOut',
] as const;
export type DeviceOp = (typeof DEVICE_OPS)[number];

export type WireRequest =
  | { readonly id: number; readonly op: 'getDevices' }
  | { readonly id: number; readonly op: DeviceOp; readonly dev: number; readonly args: readonly unknown[] };

export type WireMessage =
  | { readonly id: number; readonly ok: true; readonly value?: unknown; readonly state?: WireDeviceState }
  | { readonly id: number; readonly ok: false; readonly error: string }
  | { readonly event: 'connect' | 'disconnect'; readonly device: WireDevice };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A line from the rig's end as a message, or undefined when it is not one: valid JSON that is not
 * a reply (numeric `id`) or a plug event (a device with a numeric `dev`) is noise, not a crash.
 */
export function parseWireMessage(line: string): WireMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(m)) return undefined;
  if ('event' in m) {
    if (m.event !== 'connect' && m.event !== 'disconnect') return undefined;
    if (!isObject(m.device) || typeof m.device.dev !== 'number') return undefined;
    return m as unknown as WireMessage;
  }
  if (typeof m.id !== 'number') return undefined;
  return m as unknown as WireMessage;
}

/** A line from readerd's end as a request, or undefined when it is not one (see parseWireMessage). */
export function parseWireRequest(line: string): WireRequest | undefined {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(r) || typeof r.id !== 'number' || typeof r.op !== 'string') return undefined;
  return r as unknown as WireRequest;
}

/** A line longer than this is not ours (the largest CCID message is 65 kB, base64 ~88 kB). */
export const MAX_LINE = 256 * 1024;

export const toBase64 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
export const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** Splits a byte stream into lines, dropping a line that grows past MAX_LINE. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer) => void {
  let buf = '';
  let dropping = false;
  // A chunk may end inside a multi-byte character: the decoder keeps its first bytes for the next.
  const decoder = new StringDecoder('utf8');
  return (chunk) => {
    buf += decoder.write(chunk);
    for (;;) {
      const nl = buf.indexOf('\n');
      if (nl < 0) break;
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!dropping && line) onLine(line);
      dropping = false;
    }
    if (buf.length > MAX_LINE) {
      buf = '';
      dropping = true;
    }
  };
}
