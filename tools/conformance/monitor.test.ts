// The monitor flags every kind of bad device message, and nothing on good ones.
import { describe, expect, it } from 'vitest';
import { fareader } from '../../protocol/gen/fareader.js';
import { seal } from '../../protocol/link/envelope.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { deviceTopics } from '../../protocol/link/topics.js';
import { toLong } from '../../protocol/link/u64.js';
import { Monitor } from './monitor.js';

const v1 = fareader.v1;
const T = v1.PayloadType;
const device = generateKeyPair();
const topics = deviceTopics('dev-1');
const result = (counter: number, detail = '') =>
  seal(
    T.PAYLOAD_TYPE_VERIFICATION_RESULT,
    v1.VerificationResult.encode({ deviceId: 'dev-1', counter: toLong(counter), detail }).finish(),
    device,
  );

function monitor(): Monitor {
  return new Monitor('dev-1', device.publicKey);
}

describe('the conformance monitor', () => {
  it('accepts good messages, and a redelivery of the same result', () => {
    const m = monitor();
    m.check(topics.result, result(1), 1, false);
    m.check(topics.result, result(1), 1, false);
    m.check(topics.result, result(3), 1, false);
    m.check(topics.result, result(2), 1, false); // after an outage, order may change
    const state = v1.DeviceState.encode({ deviceId: 'dev-1', online: true }).finish();
    m.check(topics.state, seal(T.PAYLOAD_TYPE_DEVICE_STATE, state, device), 1, true);
    expect(m.violations).toEqual([]);
    expect(m.seen).toHaveLength(5);
  });

  it.each([
    ['a counter reused for another result', [result(5, 'a'), result(5, 'b')], '6.2'],
    ['counter 0', [result(0)], '6.2'],
    ['garbage', [Uint8Array.of(0xff, 0x00, 0x13)], '4.1'],
    [
      'no signature',
      [
        v1.SignedEnvelope.encode({
          payloadType: T.PAYLOAD_TYPE_VERIFICATION_RESULT,
          payload: new Uint8Array(3),
        }).finish(),
      ],
      '4.1',
    ],
    ['another key', [seal(T.PAYLOAD_TYPE_VERIFICATION_RESULT, new Uint8Array(), generateKeyPair())], '4.3'],
    ['a wrong payload type', [seal(T.PAYLOAD_TYPE_RESULT_ACK, new Uint8Array(), device)], '2.1'],
    ['oversized', [new Uint8Array(70 * 1024)], '10.2'],
  ])('flags %s', (_what, messages, clause) => {
    const m = monitor();
    for (const b of messages) m.check(topics.result, b, 1, false);
    expect(m.violations.map((v) => v.clause)).toContain(clause);
  });

  it('flags a forged signature, a wrong QoS, a foreign device id and an unknown topic', () => {
    const m = monitor();
    const env = v1.SignedEnvelope.decode(result(7));
    env.signature[0]! ^= 1;
    m.check(topics.result, v1.SignedEnvelope.encode(env).finish(), 1, false);
    m.check(topics.result, result(8), 0, false);
    const other = v1.VerificationResult.encode({ deviceId: 'dev-2', counter: toLong(9) }).finish();
    m.check(topics.result, seal(T.PAYLOAD_TYPE_VERIFICATION_RESULT, other, device), 1, false);
    m.check('fareader/v1/dev/dev-1/debug', result(10), 1, false);
    expect(m.violations.map((v) => v.clause)).toEqual(['4.2', '2.3', '4.6', '2.8']);
  });
});
