// SMP on the wire, read by implementations we did not write: every frame `readerctl flash`
// sends is decoded by Debian's python3-cbor2 (what Python SMP clients use) and must be plain
// CBOR that zcbor reads: untagged byte strings, definite lengths, shortest integers (cbor2
// writes the very same bytes again). The target emulator, which decodes as a zcbor target
// does, must refuse what such a target refuses.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encoder } from 'cbor-x';
import { afterAll, describe, expect, it } from 'vitest';
import { SmpLink } from '../../device/smp/smp-link.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { loadKeyFile } from '../../platform/keys/keystore.js';
import { concatBytes, fromHex, toHex } from '../../protocol/bytes.js';
import { imageHash } from '../../protocol/mcuboot/image.js';
import { frameSmp, SmpSerialDecoder } from '../../protocol/smp/serial-framing.js';
import { SMP_HEADER_BYTES } from '../../protocol/smp/smp-packet.js';
import { PtyPair } from '../../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../../sim/smp-target/serve.js';
import { SmpTarget } from '../../sim/smp-target/smp-target.js';
import { type LinkKeys, makeLinkKeys } from '../../tools/rig/link-fixture.js';
import { runReaderctl } from '../helpers/readerctl.js';
import { missing } from '../helpers/system.js';
import { wire, wireMissing } from '../helpers/wire.js';
import { cbor2Decode, missingCbor2, tagsIn } from './cbor2.js';

const runAsync = runReaderctl;

const keys: LinkKeys = makeLinkKeys();
afterAll(() => keys.cleanup());
const f = (n: string) => join(keys.dir, n);

const skip = missing('socat', 'socat') || missingCbor2();

interface Frame {
  readonly group: number;
  readonly id: number;
  readonly op: number;
  readonly payload: Uint8Array;
}
const frame = (body: Uint8Array): Frame => ({
  op: body[0]! & 7,
  group: (body[4]! << 8) | body[5]!,
  id: body[7]!,
  payload: body.subarray(SMP_HEADER_BYTES),
});
const bytes = (v: unknown): string => (v as { $bytes: string }).$bytes;

describe.skipIf(skip)('SMP frames of readerctl flash, decoded by python3-cbor2', () => {
  it('every request is untagged, definite-length CBOR with the fields and types zcbor decodes', async () => {
    const pty = await PtyPair.create('smp-wire');
    const served = await serveSmpTarget(pty.devicePath, {
      signingKey: loadKeyFile(keys.deviceKeyFile).publicKey,
      ed: opensslEd25519,
      rebootMs: 100,
      bufSize: 512,
    });
    const requests: Frame[] = [];
    const responses: Frame[] = [];
    served.target.on('request', (b) => requests.push(frame(b.slice())));
    served.target.on('response', (b) => responses.push(frame(b.slice())));
    const port = ['--port', pty.hostPath];
    let hash = '';
    try {
      writeFileSync(
        f('fw.bin'),
        new Uint8Array(3000).map((_, i) => (i * 7) & 0xff),
      );
      const signed = await runAsync(
        'image',
        'sign',
        '-k',
        keys.deviceKeyFile,
        '-v',
        '1.2.3',
        f('fw.bin'),
        f('fw.img'),
      );
      expect(signed.code).toBe(0);
      hash = toHex(imageHash(new Uint8Array(readFileSync(f('fw.img')))));
      for (const args of [
        ['echo', 'hello'],
        ['params'],
        ['info'],
        ['bootloader'],
        ['bootloader', '--query', 'mode'],
        ['list'],
        ['upload', f('fw.img')],
        ['test', hash],
        ['reset'],
      ]) {
        const r = await runAsync('flash', ...args, ...port);
        expect(r.err, args.join(' ')).toBe('');
        expect(r.code, args.join(' ')).toBe(0);
      }
      await new Promise((r) => setTimeout(r, 400)); // the emulated MCUboot swaps
      for (const args of [['confirm'], ['erase']]) {
        const r = await runAsync('flash', ...args, ...port);
        expect(r.err, args.join(' ')).toBe('');
        expect(r.code, args.join(' ')).toBe(0);
      }
    } finally {
      await served.close();
      await pty.close();
    }

    const decoded = cbor2Decode(requests.map((r) => r.payload));
    const seen = new Map<string, unknown[]>();
    decoded.forEach((d, i) => {
      expect(d, `request ${i}`).not.toHaveProperty('error');
      const ok = d as { value: unknown; reencodes: boolean };
      expect(tagsIn(ok.value)).toEqual([]);
      // cbor2 writes the same bytes again: definite lengths, shortest integers, no tags.
      expect(ok.reencodes, `request ${i} ${toHex(requests[i]!.payload)}`).toBe(true);
      const key = `${requests[i]!.group}/${requests[i]!.id}/${requests[i]!.op}`;
      seen.set(key, [...(seen.get(key) ?? []), ok.value]);
    });
    const one = (k: string) => seen.get(k)?.[0];
    expect(one('0/0/2')).toEqual({ d: 'hello' }); // echo
    expect(one('0/6/0')).toEqual({}); // params
    expect(one('0/7/0')).toEqual({ format: 'a' }); // info
    expect(seen.get('0/8/0')).toEqual([{}, { query: 'mode' }]); // bootloader info
    expect(one('1/0/0')).toEqual({}); // state read (list, and after the upload)
    expect(one('0/5/2')).toEqual({}); // reset
    const chunks = seen.get('1/1/2') as Record<string, unknown>[]; // upload
    expect(chunks.length).toBeGreaterThan(3);
    const first = chunks[0]!;
    expect(Object.keys(first)).toEqual(['image', 'len', 'off', 'sha', 'data', 'upgrade']);
    expect(first).toMatchObject({ image: 0, off: 0, upgrade: false });
    expect(bytes(first.sha)).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof first.len).toBe('number');
    for (const c of chunks.slice(1)) {
      expect(Object.keys(c)).toEqual(['off', 'data']);
      expect(typeof c.off).toBe('number');
      expect(bytes(c.data).length).toBeGreaterThan(0);
    }
    const writes = seen.get('1/0/2') as Record<string, unknown>[]; // state write: test, confirm
    expect(writes[0]).toEqual({ hash: { $bytes: hash }, confirm: false });
    expect(writes[1]).toEqual({ confirm: true });
    expect(one('1/5/2')).toEqual({}); // erase

    // The target's answers, as a Python client reads them: plain bytes, Zephyr's fields.
    const answers = cbor2Decode(responses.map((r) => r.payload));
    for (const a of answers) {
      expect(a).not.toHaveProperty('error');
      expect(tagsIn((a as { value: unknown }).value)).toEqual([]);
    }
    const answer = (g: number, id: number) =>
      (answers[responses.findIndex((r) => r.group === g && r.id === id)] as { value: unknown }).value;
    expect(answer(0, 8)).toEqual({ bootloader: 'MCUboot' }); // and nothing unrequested
    expect(answer(0, 6)).toEqual({ buf_size: 512, buf_count: 4 });
    const list = answer(1, 0) as { images: Record<string, unknown>[]; splitStatus: number };
    expect(Object.keys(list)).toEqual(['images', 'splitStatus']);
    const lastList = answers
      .map((a, i) => [a, responses[i]!] as const)
      .filter(([, r]) => r.group === 1 && r.id === 0)
      .map(([a]) => (a as { value: { images: Record<string, unknown>[] } }).value)
      .find((v) => v.images.length > 0)!;
    const slot = lastList.images[0]!;
    expect(Object.keys(slot)).toEqual([
      'slot',
      'version',
      'hash',
      'bootable',
      'pending',
      'confirmed',
      'active',
      'permanent',
    ]);
    expect(bytes(slot.hash)).toMatch(/^[0-9a-f]{64}$/);
    const lastChunk = answers
      .map((a, i) => [a, responses[i]!] as const)
      .filter(([, r]) => r.group === 1 && r.id === 1)
      .at(-1)![0] as { value: Record<string, unknown> };
    expect(lastChunk.value).toEqual({ off: expect.any(Number), match: true });
  }, 120_000); // eleven CLI runs, each a Node start-up
});

/** Raw SMP packets to the emulator, for requests our own client never sends. */
async function rawTarget() {
  const w = await wire(
    (t) => new SmpTarget(t, { signingKey: loadKeyFile(keys.deviceKeyFile).publicKey, ed: opensslEd25519 }),
  );
  const host = w.host;
  const decoder = new SmpSerialDecoder();
  const waiting: ((b: Uint8Array) => void)[] = [];
  host.on('data', (d) => {
    for (const ev of decoder.push(d)) if (ev.type === 'packet') waiting.shift()?.(ev.body);
  });
  let seq = 0;
  /** Sends op/group/id with this CBOR payload (header version 0 = SMP v1, 1 = SMP v2). */
  const send = (v: 0 | 1, op: number, group: number, id: number, payload: Uint8Array) =>
    new Promise<{ raw: Uint8Array; value: unknown }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), 3000);
      waiting.push((body) => {
        clearTimeout(timer);
        const raw = body.subarray(SMP_HEADER_BYTES);
        const d = cbor2Decode([raw])[0] as { value: unknown };
        resolve({ raw, value: d.value });
      });
      const h = Uint8Array.of(
        (v << 3) | op,
        0,
        payload.length >> 8,
        payload.length & 0xff,
        0,
        group,
        seq++,
        id,
      );
      void host.write(concatBytes(...frameSmp(concatBytes(h, payload))));
    });
  return { send, served: { target: w.emulator }, close: () => w.close() };
}

describe.skipIf(wireMissing() || missingCbor2())('the target emulator decodes as a zcbor target does', () => {
  it('refuses a tag-64 byte string, a duplicate key and a wrong type with rc 3; ignores unknown keys', async () => {
    const t = await rawTarget();
    try {
      // cbor-x's defaults: what the host sent before (tag 64 on every Uint8Array).
      const tagging = new Encoder({ useRecords: false, mapsAsObjects: true });
      const img = new Uint8Array(64);
      img.set([0x3d, 0xb8, 0xf3, 0x96]);
      const tagged = new Uint8Array(
        tagging.encode({ image: 0, len: 64, off: 0, sha: new Uint8Array(32), data: img, upgrade: false }),
      );
      expect(toHex(tagged)).toMatch(/d840/); // tag 64
      for (const v of [0, 1] as const) {
        // zcbor_bstr_decode refuses the tag; the handler answers MGMT_ERR_EINVAL as a bare rc.
        expect((await t.send(v, 2, 1, 1, tagged)).value).toEqual({ rc: 3 });
        const taggedHash = new Uint8Array(tagging.encode({ hash: new Uint8Array(32), confirm: false }));
        expect((await t.send(v, 2, 1, 0, taggedHash)).value).toEqual({ rc: 3 });
      }
      expect(t.served.target.flash.slots[1]).toBeUndefined(); // nothing was written
      // Unknown keys are skipped (zcbor_map_decode_bulk: zcbor_any_skip), even tagged ones.
      const extra = await t.send(1, 2, 0, 0, fromHex('a2617a c1 1a00000001 6164 6268 69'.replace(/ /g, '')));
      expect(extra.value).toEqual({ r: 'hi' });
      expect(extra.raw[0]).toBe(0xbf); // Zephyr's zcbor writes indefinite-length maps
      // A key seen twice: -EADDRINUSE, EINVAL.
      expect((await t.send(1, 2, 0, 0, fromHex('a2616461616164616262'))).value).toEqual({ rc: 3 });
      // Wrong types: "off" as text, "confirm" as 1, "d" as bytes, a non-text key, not a map.
      expect((await t.send(1, 2, 1, 1, fromHex('a1636f666661 30'.replace(/ /g, '')))).value).toEqual({
        rc: 3,
      });
      expect((await t.send(1, 2, 1, 0, fromHex('a167636f6e6669726d01'))).value).toEqual({ rc: 3 });
      expect((await t.send(1, 2, 0, 0, fromHex('a1616441ff'))).value).toEqual({ rc: 3 });
      expect((await t.send(1, 2, 0, 0, fromHex('a10161ff'))).value).toEqual({ rc: 3 });
      expect((await t.send(1, 0, 0, 8, fromHex('01'))).value).toEqual({ rc: 3 });
    } finally {
      await t.close();
    }
  });

  it('answers group errors as SMP v2 {err: {group, rc}} with the group code, and as v1 rc', async () => {
    const t = await rawTarget();
    try {
      const noOff = fromHex('a1646461746140'); // upload without "off": IMG_MGMT_ERR_INVALID_OFFSET
      expect((await t.send(1, 2, 1, 1, noOff)).value).toEqual({ err: { group: 1, rc: 20 } });
      expect((await t.send(0, 2, 1, 1, noOff)).value).toEqual({ rc: 3 });
      const testNoHash = fromHex('a167636f6e6669726df4'); // IMG_MGMT_ERR_INVALID_HASH
      expect((await t.send(1, 2, 1, 0, testNoHash)).value).toEqual({ err: { group: 1, rc: 24 } });
      const unknownHash = concatBytes(
        fromHex('a2646861736858 20'.replace(/ /g, '')),
        new Uint8Array(32),
        fromHex('67636f6e6669726df4'),
      );
      expect((await t.send(1, 2, 1, 0, unknownHash)).value).toEqual({ err: { group: 1, rc: 8 } });
      expect((await t.send(0, 2, 1, 0, unknownHash)).value).toEqual({ rc: 1 }); // translated: EUNKNOWN
      expect((await t.send(1, 0, 0, 7, fromHex('a166666f726d61746178'))).value).toEqual({
        err: { group: 0, rc: 2 },
      });
      // No handler: MGMT_ERR_ENOTSUP, a bare rc in v2 too.
      expect((await t.send(1, 0, 1, 3, fromHex('a0'))).value).toEqual({ rc: 8 });
      // Bootloader info answers only what is asked.
      expect((await t.send(1, 0, 0, 8, fromHex('a0'))).value).toEqual({ bootloader: 'MCUboot' });
      expect((await t.send(1, 0, 0, 8, fromHex('a1657175657279646d6f6465'))).value).toEqual({ mode: 3 });
      expect((await t.send(1, 0, 0, 8, fromHex('a1657175657279636f7468'))).value).toEqual({ rc: 3 });
    } finally {
      await t.close();
    }
  });

  it('our client names a v2 group error by its group code', async () => {
    const w = await wire(
      (t) => new SmpTarget(t, { signingKey: loadKeyFile(keys.deviceKeyFile).publicKey, ed: opensslEd25519 }),
    );
    const host = w.host;
    try {
      const { SmpClient } = await import('../../device/smp/smp-client.js');
      const v2 = new SmpClient(new SmpLink(host, { version: 1 }));
      await expect(v2.imageTest(new Uint8Array(32))).rejects.toThrow(/hash not found \(group 1 rc 8\)/);
      const v1 = new SmpClient(new SmpLink(host, { version: 0 }));
      await expect(v1.imageTest(new Uint8Array(32))).rejects.toThrow(/unknown error \(rc 1\)/);
    } finally {
      await w.close();
    }
  });
});
