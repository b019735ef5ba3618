// The target's UART line buffer is finite, as Zephyr's uart_mcumgr.c's is
// (CONFIG_UART_MCUMGR_RX_BUF_SIZE): a line that does not fit is dropped up to its newline.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { concatBytes } from '../../protocol/bytes.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import { decodeSmp, encodeSmp, SmpGroup, SmpOp } from '../../protocol/smp/smp-packet.js';
import { SmpTarget } from './smp-target.js';

/** Zephyr's default CONFIG_UART_MCUMGR_RX_BUF_SIZE. */
const UART_MCUMGR_RX_BUF_SIZE = 128;

class Wire extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  readonly isOpen = true;
  readonly fromTarget = new SmpSerialDecoder();
  readonly answers: Uint8Array[] = [];
  write(data: Uint8Array): Promise<void> {
    for (const ev of this.fromTarget.push(data)) if (ev.type === 'packet') this.answers.push(ev.body);
    return Promise.resolve();
  }
  drain(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  send(data: Uint8Array): void {
    this.emit('data', data);
  }
}

const echo = (d: string): Uint8Array =>
  concatBytes(
    ...frameSmp(
      encodeSmp({ op: SmpOp.write, version: 1, flags: 0, group: SmpGroup.os, seq: 7, id: 0 }, { d }),
    ),
  );

async function answered(w: Wire, n: number): Promise<void> {
  for (let i = 0; i < 200 && w.answers.length < n; i++) await new Promise((r) => setImmediate(r));
}

describe('SmpTarget UART line buffer', () => {
  it('holds no more than one buffer of a line that never ends, and answers after the next newline', async () => {
    const w = new Wire();
    const t = new SmpTarget(w, { signingKey: generateKeyPair().publicKey, ed: opensslEd25519, rebootMs: 0 });
    const junk = new Uint8Array(1024).fill(0x41);
    for (let i = 0; i < 100; i++) w.send(junk);
    const held = (t as unknown as { line: number[] }).line.length;
    expect(held).toBeLessThanOrEqual(UART_MCUMGR_RX_BUF_SIZE);
    // A request glued to the end of the long line is lost with it (as on the board)…
    w.send(echo('lost'));
    await answered(w, 1);
    expect(w.answers).toHaveLength(0);
    // …and the next whole line is a request again.
    w.send(Uint8Array.of(0x0a));
    w.send(echo('heard'));
    await answered(w, 1);
    expect(w.answers.map((a) => decodeSmp(a).payload)).toEqual([{ r: 'heard' }]);
  });
});
