// Conformance cases on the wire alone: birth and death, keys, every kind of command refusal,
// malformed input. Each names the SPEC clauses it checks.
import { randomBytes } from 'node:crypto';
import { fareader } from '../../protocol/gen/fareader.js';
import { seal } from '../../protocol/link/envelope.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { toLong, u64 } from '../../protocol/link/u64.js';
import type { Kit, KitCase } from './kit.js';
import { verifiesWith } from './monitor.js';

const v1 = fareader.v1;
const S = v1.ResponseStatus;

/** The retained state, as a new subscriber gets it. */
export async function retainedState(
  k: Kit,
): Promise<{ state: fareader.v1.DeviceState; retain: boolean; keyId: string; verified: boolean }> {
  const c = k.mqttConnect('probe');
  try {
    const got = new Promise<{ bytes: Buffer; retain: boolean }>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no retained state within 5 s')), 5000);
      c.on('message', (_t, bytes, packet) => {
        clearTimeout(t);
        resolve({ bytes, retain: packet.retain });
      });
    });
    await new Promise<void>((r) => c.once('connect', () => r()));
    await c.subscribeAsync(deviceTopics(k.deviceId).state, { qos: 1 });
    const { bytes, retain } = await got;
    const env = v1.SignedEnvelope.decode(bytes);
    const state = v1.DeviceState.decode(env.payload);
    return {
      state,
      retain,
      keyId: Buffer.from(env.keyId).toString('hex'),
      verified: verifiesWith(state.publicKey, env),
    };
  } finally {
    c.end(true);
  }
}

async function expectRefusal(
  k: Kit,
  what: string,
  send: () => Promise<fareader.v1.CommandResponse>,
  want: fareader.v1.ResponseStatus,
) {
  const r = await send();
  k.check(r.status === want, `${what} is answered ${k.status(want)}`, {
    status: k.status(r.status),
    detail: r.detail,
  });
}

export const LINK_CASES: KitCase[] = [
  {
    id: 'LINK-01',
    title: 'Birth: retained, signed by the key it announces, at QoS 1; Rebirth repeats it',
    clauses: ['2.1', '2.9', '3.1', '4.1', '4.3', '8.2', '8.8'],
    preconditions: 'the device is running and connected',
    expected:
      'a retained DeviceState online=true, schema fareader.v1, whose key id is its key; Rebirth → OK and a new birth',
    async run(k) {
      const b = await retainedState(k);
      k.check(b.retain, 'a new subscriber gets the state retained');
      k.check(b.state.online, 'the state says online', { bdSeq: u64(b.state.bdSeq).toString() });
      k.check(
        b.state.deviceId === k.deviceId && b.state.schema === 'fareader.v1',
        'device id and schema',
        b.state.schema,
      );
      k.check(b.keyId === keyIdHex(b.state.publicKey), 'key_id is SHA-256(public key)[0..8]', b.keyId);
      k.check(b.verified, 'the birth verifies with the key it carries (node:crypto Ed25519)');
      const since = Date.now();
      const r = await k.command({ rebirth: {} });
      k.check(
        r.status === S.RESPONSE_STATUS_OK,
        'Rebirth is answered OK (signed response on the response topic)',
      );
      const births = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => s.message.online),
        5000,
      );
      k.check(births !== undefined && births.qos === 1, 'a new birth is published at QoS 1 after Rebirth');
    },
  },
  {
    id: 'CMD-01',
    title: 'An unsigned command is refused, UNSIGNED',
    clauses: ['2.5', '4.4', '8.1', '8.2', '8.3'],
    preconditions: 'the device is running',
    expected: 'a signed CommandResponse with status UNSIGNED; nothing acted on',
    run: (k) =>
      expectRefusal(
        k,
        'an envelope without a signature',
        () => k.craftedCommand({ unsigned: true }),
        S.RESPONSE_STATUS_UNSIGNED,
      ),
  },
  {
    id: 'CMD-02',
    title: 'A command signed by an unknown key is refused, UNKNOWN_KEY',
    clauses: ['4.4', '8.1', '8.3'],
    preconditions: 'the device is running',
    expected: 'status UNKNOWN_KEY',
    run: (k) =>
      expectRefusal(
        k,
        'a command signed by a stranger',
        () => k.craftedCommand({ key: generateKeyPair() }),
        S.RESPONSE_STATUS_UNKNOWN_KEY,
      ),
  },
  {
    id: 'CMD-03',
    title: 'A command whose signature does not verify is refused, BAD_SIGNATURE',
    clauses: ['4.2', '4.4', '8.3'],
    preconditions: 'the device is running',
    expected: 'status BAD_SIGNATURE',
    async run(k) {
      const commandId = randomBytes(16);
      const cmd = v1.Command.encode({
        commandId,
        deviceId: k.deviceId,
        issuedAtMs: toLong(Date.now()),
        rebirth: {},
      }).finish();
      const env = v1.SignedEnvelope.decode(seal(v1.PayloadType.PAYLOAD_TYPE_COMMAND, cmd, k.o.terminalKey));
      env.signature[5]! ^= 0x40;
      const bytes = v1.SignedEnvelope.encode(env).finish();
      await expectRefusal(
        k,
        'a command with one signature bit flipped',
        async () => (await k.send(bytes, commandId.toString('hex'))) ?? v1.CommandResponse.create(),
        S.RESPONSE_STATUS_BAD_SIGNATURE,
      );
    },
  },
  {
    id: 'CMD-04',
    title: 'A stale command is refused, STALE',
    clauses: ['8.1', '8.3'],
    preconditions: 'the device clock is within a minute of the kit’s',
    expected: 'status STALE for a command issued an hour ago',
    run: (k) =>
      expectRefusal(
        k,
        'a command issued an hour ago',
        () => k.craftedCommand({ fields: { issuedAtMs: toLong(Date.now() - 3_600_000) } }),
        S.RESPONSE_STATUS_STALE,
      ),
  },
  {
    id: 'CMD-05',
    title: 'A replayed command is refused, REPLAYED',
    clauses: ['8.1', '8.3'],
    preconditions: 'the device is running',
    expected: 'the first copy OK, the second REPLAYED',
    async run(k) {
      const commandId = randomBytes(16);
      const first = await k.craftedCommand({ fields: { commandId } });
      k.check(first.status === S.RESPONSE_STATUS_OK, 'the first copy is acted on', k.status(first.status));
      await expectRefusal(
        k,
        'the same command again',
        () => k.craftedCommand({ fields: { commandId } }),
        S.RESPONSE_STATUS_REPLAYED,
      );
    },
  },
  {
    id: 'CMD-07',
    title: 'A command older in its terminal’s sequence than one already acted on is refused, SUPERSEDED',
    clauses: ['8.9'],
    preconditions: 'the device is running',
    expected: 'sequence n OK; then sequence n − 1 (a command captured and delivered late) SUPERSEDED',
    async run(k) {
      // A terminal id of its own, so the kit's terminal keeps its sequence; from the clock, so
      // every run starts above the last (the device remembers sequences durably).
      const fields = { terminalId: 'conformance-kit-seq' };
      const n = BigInt(Date.now()) * 1000n;
      const newer = await k.craftedCommand({ fields: { ...fields, sequence: toLong(n) } });
      k.check(newer.status === S.RESPONSE_STATUS_OK, 'the newer command is acted on', k.status(newer.status));
      await expectRefusal(
        k,
        'the older command, delivered after it',
        () => k.craftedCommand({ fields: { ...fields, sequence: toLong(n - 1n) } }),
        S.RESPONSE_STATUS_SUPERSEDED,
      );
    },
  },
  {
    id: 'CMD-06',
    title: 'A command for another device, or of the wrong payload type, is refused',
    clauses: ['8.3'],
    preconditions: 'the device is running',
    expected: 'WRONG_DEVICE and WRONG_PAYLOAD_TYPE',
    async run(k) {
      await expectRefusal(
        k,
        'a command naming another device',
        () => k.craftedCommand({ fields: { deviceId: 'someone-else' } }),
        S.RESPONSE_STATUS_WRONG_DEVICE,
      );
      await expectRefusal(
        k,
        'a command sealed as a ResultAck',
        () => k.craftedCommand({ type: v1.PayloadType.PAYLOAD_TYPE_RESULT_ACK }),
        S.RESPONSE_STATUS_WRONG_PAYLOAD_TYPE,
      );
    },
  },
  {
    id: 'ERR-01',
    title: 'Garbage, truncated and oversized payloads: refused, and the device keeps working',
    clauses: ['8.2', '10.1', '10.2'],
    preconditions: 'the device is running',
    expected: 'MALFORMED answers (or silence for the oversized one), then a normal answer to Rebirth',
    async run(k) {
      for (const [what, bytes] of [
        ['random bytes', randomBytes(200)],
        [
          'a truncated envelope',
          seal(v1.PayloadType.PAYLOAD_TYPE_COMMAND, new Uint8Array(40), k.o.terminalKey).subarray(0, 30),
        ],
        ['an empty payload', new Uint8Array()],
      ] as const) {
        const r = await k.garbage(bytes);
        k.check(
          r?.status === S.RESPONSE_STATUS_MALFORMED || r?.status === S.RESPONSE_STATUS_UNSIGNED,
          `${what} → a signed refusal`,
          r && k.status(r.status),
        );
      }
      await k.garbage(randomBytes(70 * 1024));
      k.step('sent a 70 KiB payload (over the 64 KiB limit)');
      const r = await k.command({ rebirth: {} });
      k.check(r.status === S.RESPONSE_STATUS_OK, 'the device still answers a valid command');
    },
  },
  {
    id: 'LIFE-01',
    title: 'Orderly shutdown publishes a death; the restart a birth with bd_seq + 1',
    clauses: ['3.3', '3.4', '7.2'],
    preconditions: 'the bench can stop and start the device',
    expected: 'state online=false with the birth’s bd_seq; then online=true with bd_seq + 1',
    needs: ['restart'],
    async run(k) {
      const before = (await retainedState(k)).state;
      const since = Date.now();
      await k.bench.readerd('stop');
      const death = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => !s.message.online),
        10_000,
      );
      k.check(death !== undefined, 'a death (online=false) is published on shutdown', death?.message.reason);
      k.check(
        u64(death!.message.bdSeq) === u64(before.bdSeq),
        'the death carries the birth’s bd_seq',
        u64(before.bdSeq).toString(),
      );
      await k.bench.readerd('start');
      const birth = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => s.message.online),
        20_000,
      );
      k.check(birth !== undefined, 'a birth after the restart');
      k.check(
        u64(birth!.message.bdSeq) === u64(before.bdSeq) + 1n,
        'bd_seq increased by one',
        u64(birth!.message.bdSeq).toString(),
      );
    },
  },
  {
    id: 'LIFE-02',
    title: 'Connection lost: the broker publishes the device’s Will',
    clauses: ['3.2'],
    preconditions: 'the broker is not inside the device; the bench can kill the device',
    expected: 'state online=false (the Will) once the device is killed without shutdown',
    needs: ['kill', 'externalBroker'],
    async run(k) {
      const since = Date.now();
      await k.bench.readerd('kill');
      k.step('device killed (SIGKILL: no death message of its own)');
      const will = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => !s.message.online),
        10_000,
      );
      k.check(will !== undefined, 'the Will (online=false) is published by the broker', will?.message.reason);
      await k.bench.readerd('start');
      const birth = await k.waitFor(
        () => k.monitor.since<fareader.v1.DeviceState>('state', since).find((s) => s.message.online),
        20_000,
      );
      k.check(birth !== undefined, 'a birth after the restart');
    },
  },
];
