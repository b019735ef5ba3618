// The vsmartcard-vpcd wire protocol (frankmorgner/vsmartcard, vpcd/vpcd.c): over TCP, every
// message is a 2-byte big-endian length and that many bytes. A 1-byte message from vpcd is a
// control code; anything longer is a C-APDU. The card side answers GET ATR with the ATR and a
// C-APDU with its R-APDU; power off/on and reset get no answer.
import { ErrorCode, ReaderError } from '../errors.js';

export const VpcdControl = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, GET_ATR: 0x04 } as const;

/** vpcd's default port (reader.conf CHANNELID 0x8C7B). */
export const VPCD_PORT = 35963;

export type VpcdMessage =
  | { readonly kind: 'power-off' }
  | { readonly kind: 'power-on' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'get-atr' }
  | { readonly kind: 'apdu'; readonly apdu: Uint8Array }
  /** A control code vpcd does not define, or an empty message: the card ignores it. */
  | { readonly kind: 'unknown'; readonly bytes: Uint8Array };

export function decodeVpcdMessage(payload: Uint8Array): VpcdMessage {
  if (payload.length === 1) {
    const code = payload[0];
    if (code === VpcdControl.POWER_OFF) return { kind: 'power-off' };
    if (code === VpcdControl.POWER_ON) return { kind: 'power-on' };
    if (code === VpcdControl.RESET) return { kind: 'reset' };
    if (code === VpcdControl.GET_ATR) return { kind: 'get-atr' };
  }
  if (payload.length < 2) return { kind: 'unknown', bytes: payload.slice() };
  return { kind: 'apdu', apdu: payload.slice() };
}

/** One length-prefixed frame. */
export function encodeVpcdFrame(payload: Uint8Array): Uint8Array {
  if (payload.length > 0xffff)
    throw new ReaderError(
      ErrorCode.Frame_TooLarge,
      `a vpcd frame holds at most 65535 bytes, not ${payload.length}`,
    );
  const out = new Uint8Array(payload.length + 2);
  out[0] = payload.length >> 8;
  out[1] = payload.length & 0xff;
  out.set(payload, 2);
  return out;
}

/** Splits a TCP byte stream into vpcd payloads, whatever the chunking. */
export class VpcdFramer {
  private buf = new Uint8Array(0);

  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    const out: Uint8Array[] = [];
    let at = 0;
    while (joined.length - at >= 2) {
      const len = (joined[at]! << 8) | joined[at + 1]!;
      if (joined.length - at - 2 < len) break;
      out.push(joined.slice(at + 2, at + 2 + len));
      at += 2 + len;
    }
    this.buf = joined.slice(at);
    return out;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get pending(): number {
    return this.buf.length;
  }
}
