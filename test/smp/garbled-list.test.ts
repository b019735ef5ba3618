// Issue 13, defect 7: a target whose image list holds a non-map entry (`{"images":[null]}`)
// made `readerctl flash list/test/confirm` and the end of an upload die with a TypeError
// (exit 1). It is the target breaking the protocol: a named protocol error, exit 4.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encoder } from 'cbor-x';
import { afterAll, describe, expect, it } from 'vitest';
import type { ByteTransport } from '../../device/serial/transport.js';
import { concatBytes } from '../../protocol/bytes.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import {
  decodeSmp,
  encodeSmp,
  SMP_HEADER_BYTES,
  SmpOp,
  type SmpPayload,
} from '../../protocol/smp/smp-packet.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveOnPty } from '../../sim/serial/serve-emulator.js';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const runAsync = runReaderctl;

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());

const anyCbor = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false });

/** A target that takes uploads but answers every image state request with `{images: [null]}`. */
class GarbledListTarget {
  private readonly decoder = new SmpSerialDecoder(16384);
  private transport!: ByteTransport;
  constructor(t: ByteTransport) {
    this.attach(t);
  }
  attach(t: ByteTransport): void {
    this.transport = t;
    t.on('data', (d) => {
      for (const ev of this.decoder.push(d)) if (ev.type === 'packet') this.answer(ev.body);
    });
  }
  private answer(body: Uint8Array): void {
    const { header, payload } = decodeSmp(body);
    let reply: SmpPayload = { rc: 8 };
    if (header.group === 0 && header.id === 6) reply = { buf_size: 1024, buf_count: 1 };
    if (header.group === 1 && header.id === 0) reply = { images: [null] };
    if (header.group === 1 && header.id === 1) {
      const off = (payload.off as number) + (payload.data as Uint8Array).length;
      reply = { off };
    }
    // Written with a plain CBOR encoder: our SMP encoder refuses to write a null.
    const cbor = new Uint8Array(anyCbor.encode(reply));
    const op = header.op === SmpOp.read ? SmpOp.readResponse : SmpOp.writeResponse;
    const h = encodeSmp({ ...header, op, flags: 0 }, {}).subarray(0, SMP_HEADER_BYTES);
    h[2] = cbor.length >> 8;
    h[3] = cbor.length & 0xff;
    const out = concatBytes(h, cbor);
    void this.transport.write(concatBytes(...frameSmp(out))).catch(() => {});
  }
}

describe.skipIf(missing('socat', 'socat'))('readerctl flash against a garbled image list', () => {
  it('list, test, confirm and the end of an upload fail with a protocol error, exit 4', async () => {
    const pty = await PtyPair.create('garbled');
    const served = await serveOnPty(pty.devicePath, undefined, (t) => new GarbledListTarget(t));
    try {
      const fw = join(keys.dir, 'fw.bin');
      const img = join(keys.dir, 'fw.img');
      writeFileSync(fw, new Uint8Array(2000).fill(7));
      const signed = spawnSync(process.execPath, [
        readerctl,
        'image',
        'sign',
        '-k',
        keys.deviceKeyFile,
        '-v',
        '1.0.0',
        fw,
        img,
      ]);
      expect(signed.status).toBe(0);
      const port = ['--port', pty.hostPath];
      for (const args of [['list'], ['test', '00'.repeat(32)], ['confirm'], ['upload', img]]) {
        const r = await runAsync('flash', ...args, ...port);
        expect(r.err, args[0]).not.toMatch(/TypeError/);
        expect(r.err, args[0]).toMatch(
          /image state answer's entry 0 is not a map \(null\) \[Link_Protocol\]/,
        );
        expect(r.code, args[0]).toBe(4);
      }
    } finally {
      await served.close();
      await pty.close();
    }
  }, 60_000); // five CLI runs, each a Node start-up
});
