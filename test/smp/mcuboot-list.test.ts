// MCUboot serial recovery answers an image list differently from Zephyr's img_mgmt
// (boot/boot_serial/src/boot_serial.c bs_list): only images that validate, only the flags that
// are true, in its own order, no "active", and "hash" only when built with
// MCUBOOT_SERIAL_IMG_GRP_HASH. The bytes below are written as boot_serial.c writes them with
// zcbor (indefinite-length maps), checked against python3-cbor2 first.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ByteTransport, ByteTransportEvents } from '../../device/serial/transport.js';
import { SmpClient } from '../../device/smp/smp-client.js';
import { SmpLink } from '../../device/smp/smp-link.js';
import { concatBytes, fromHex } from '../../protocol/bytes.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import { cbor2Decode, missingCbor2 } from './cbor2.js';

const h = (s: string) => fromHex(s.replace(/\s+/g, ''));
const WITH_HASH = h(
  `bf 66696d61676573 9f
  bf 68626f6f7461626c65 f5 69636f6e6669726d6564 f5 64736c6f74 00 6468617368 5820 ${'ab'.repeat(32)}
     6776657273696f6e 65312e322e33 ff
  bf 68626f6f7461626c65 f5 6770656e64696e67 f5 64736c6f74 01 6468617368 5820 ${'cd'.repeat(32)}
     6776657273696f6e 65322e302e30 ff
  ff ff`,
);
const NO_HASH = h(`bf 66696d61676573 9f bf 64736c6f74 00 6776657273696f6e 65312e322e33 ff ff ff`);

/** Answers every request with one fixed payload, as a read or write response. */
class Scripted extends EventEmitter<ByteTransportEvents> implements ByteTransport {
  readonly isOpen = true;
  private readonly decoder = new SmpSerialDecoder();
  constructor(private readonly payload: Uint8Array) {
    super();
  }
  async write(data: Uint8Array): Promise<void> {
    for (const ev of this.decoder.push(data)) {
      if (ev.type !== 'packet') continue;
      const r = ev.body.slice(0, 8);
      r[0] = (r[0]! & ~7) | ((r[0]! & 7) + 1);
      r[2] = this.payload.length >> 8;
      r[3] = this.payload.length & 0xff;
      setImmediate(() => this.emit('data', concatBytes(...frameSmp(concatBytes(r, this.payload)))));
    }
  }
  async drain(): Promise<void> {}
  async close(): Promise<void> {}
}

describe.skipIf(missingCbor2())('image lists as MCUboot serial recovery writes them', () => {
  it('are what python3-cbor2 reads (the test bytes are right)', () => {
    const [a, b] = cbor2Decode([WITH_HASH, NO_HASH]) as { value: { images: Record<string, unknown>[] } }[];
    expect(Object.keys(a!.value.images[1]!)).toEqual(['bootable', 'pending', 'slot', 'hash', 'version']);
    expect(b!.value).toEqual({ images: [{ slot: 0, version: '1.2.3' }] });
  });

  it('read as slots: absent flags false when others are reported, no active slot, hash when reported', async () => {
    const withHash = await new SmpClient(new SmpLink(new Scripted(WITH_HASH))).imageList();
    expect(withHash).toEqual([
      {
        image: 0,
        slot: 0,
        version: '1.2.3',
        hash: new Uint8Array(32).fill(0xab),
        bootable: true,
        pending: false,
        confirmed: true,
        active: false,
        permanent: false,
      },
      expect.objectContaining({ slot: 1, version: '2.0.0', pending: true, confirmed: false }),
    ]);
    const noHash = await new SmpClient(new SmpLink(new Scripted(NO_HASH))).imageList();
    // No flag at all (built without BOOT_SERIAL_IMG_GRP_IMAGE_STATE): bootable is unknown.
    expect(noHash).toEqual([
      expect.objectContaining({ slot: 0, version: '1.2.3', hash: undefined, bootable: undefined }),
    ]);
  });
});
