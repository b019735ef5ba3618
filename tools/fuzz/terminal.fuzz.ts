// The reference terminal's MQTT handlers (tools/terminal/terminal.ts): arbitrary payloads on
// every device topic it subscribes to (result, state, response, event), for the trusted
// device and others, raised on its client as the broker would. Oracles as for the device
// link: nothing escapes, no 'internal' rejection, what does not open is counted, and the
// terminal still talks to the device through the broker.
import fc from 'fast-check';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { fareader } from '../../protocol/gen/fareader.js';
import { open } from '../../protocol/link/envelope.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import { deviceTopics, isValidId } from '../../protocol/link/topics.js';
import { nastyString } from './arbitraries.js';
import { expectThat, type FuzzTarget, neverThrows, property } from './harness.js';
import { isKnown } from './known-findings.js';
import { clientOf, deviceKey, envelopes, type LinkRig, startLinkRig, terminalBound } from './mqtt-rig.js';

let rig: LinkRig | undefined;
const internal: string[] = [];

/** Handler failures since the last check, known open findings left out. */
function failures(): string {
  const open = internal.filter((f) => !isKnown(f));
  internal.length = 0;
  return open.join('; ');
}
const DEVICE_ID = 'reader-01';

const kinds = ['result', 'state', 'response', 'event'] as const;
type Kind = (typeof kinds)[number];

interface Input {
  readonly kind: Kind;
  readonly deviceId: string;
  readonly payload: Uint8Array;
}

async function check(x: Input): Promise<void> {
  const r = rig!;
  const before = r.terminal.stats.total;
  const topic = deviceTopics(x.deviceId)[x.kind];
  neverThrows('the terminal message handler', () =>
    clientOf(r.terminal).emit('message', topic, Buffer.from(x.payload), {} as never),
  );
  // One turn of the event loop: batches commit, answers go out, as between two deliveries.
  await new Promise((r) => setImmediate(r));
  const failed = failures();
  expectThat(failed === '', `a terminal handler failed: ${failed}`);
  if (x.kind === 'state' && x.payload.length === 0) return; // a cleared retained state
  if (r.terminal.stats.total > before) return; // counted: nothing more to check
  const trust = (k: string) =>
    k === keyIdHex(r.keys.deviceKey.publicKey) ? r.keys.deviceKey.publicKey : undefined;
  let opens = true;
  try {
    open(x.payload, trust, undefined, opensslEd25519);
  } catch {
    opens = false;
  }
  // Only results and states are checked and counted; events and responses nobody waits for
  // may be dropped unopened.
  // A device id that is no valid id is dropped uncounted (reported in notes/fuzz-findings.md).
  if (!opens && isValidId(x.deviceId) && (x.kind === 'result' || x.kind === 'state'))
    expectThat(r.terminal.stats.total > before, `a ${x.kind} message that does not open was not counted`);
}

const input: fc.Arbitrary<Input> = fc.record({
  kind: fc.constantFrom(...kinds),
  deviceId: fc.oneof({ weight: 4, arbitrary: fc.constant(DEVICE_ID) }, nastyString),
  payload: envelopes(terminalBound(DEVICE_ID, Date.now), () => deviceKey),
});

export const terminalTarget: FuzzTarget = {
  name: 'terminal',
  covers: [
    'tools/terminal/terminal.ts',
    'tools/terminal/result-intake.ts',
    'tools/terminal/result-json.ts',
    'tools/terminal/terminal-store.ts',
    'platform/link/signed-endpoint.ts',
  ],
  async setup() {
    rig = await startLinkRig();
    internal.length = 0;
    rig.terminal.on('rejected', (e: { kind: string; reason: string; detail: string }) => {
      if (e.reason === 'internal') internal.push(`${e.kind}: ${e.detail}`);
    });
  },
  async teardown() {
    await rig?.close();
    rig = undefined;
  },
  properties: [
    property<Input>(
      {
        name: 'message',
        arbitrary: input,
        check,
        toBytes: (x) => Uint8Array.of(kinds.indexOf(x.kind), ...x.payload),
        fromBytes: (b) => ({
          kind: kinds[(b[0] ?? 0) % kinds.length]!,
          deviceId: DEVICE_ID,
          payload: b.subarray(1),
        }),
      },
      { async: true },
    ),
    property<number>(
      {
        name: 'still-answers',
        weight: 0.002,
        arbitrary: fc.nat(),
        check: async () => {
          const res = await rig!.terminal.sendCommand(
            DEVICE_ID,
            { cancelSession: { sessionId: '' } },
            10_000,
          );
          expectThat(
            res.status !== fareader.v1.ResponseStatus.RESPONSE_STATUS_INTERNAL_ERROR,
            'the terminal heard INTERNAL_ERROR to a real command',
          );
          const failed = failures();
          expectThat(failed === '', `a terminal handler failed: ${failed}`);
        },
        toBytes: () => new Uint8Array(),
        fromBytes: () => 0,
      },
      { async: true },
    ),
  ],
};
