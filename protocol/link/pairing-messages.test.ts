// The pairing messages' codec (SPEC 15.8): every step round-trips; garbage, truncation, an
// oversized message, a pairing id of another length and a message without a step are refused
// with a ReaderError, never decoded into a half-filled step.
import { describe, expect, it } from 'vitest';
import { ErrorCode, isReaderError } from '../errors.js';
import { fareader } from '../gen/fareader.js';
import {
  decodePairingMessage,
  encodePairingMessage,
  MAX_PAIRING_MESSAGE_BYTES,
  type PairingStep,
} from './pairing-messages.js';

const id = new Uint8Array(16).fill(7);
const key = new Uint8Array(32).fill(1);

function refused(b: Uint8Array): ErrorCode | undefined {
  try {
    decodePairingMessage(b);
  } catch (e) {
    return isReaderError(e) ? e.code : undefined;
  }
  return undefined;
}

describe('pairing messages', () => {
  it('round-trips every step', () => {
    const steps: PairingStep[] = [
      { kind: 'hello', terminalId: 'terminal-1', terminalKey: key },
      { kind: 'commit', deviceId: 'reader-01', deviceKey: key, commitment: new Uint8Array(32).fill(9) },
      { kind: 'terminal-nonce', nonce: new Uint8Array(16).fill(0xa1) },
      { kind: 'device-nonce', nonce: new Uint8Array(16).fill(0xd2) },
      { kind: 'confirm' },
      { kind: 'abort', reason: 'refused on the reader' },
    ];
    for (const step of steps) {
      const back = decodePairingMessage(encodePairingMessage({ pairingId: id, step }));
      expect(back.pairingId).toEqual(id);
      expect(back.step).toEqual(step);
    }
  });

  it('refuses garbage, truncation, oversize, a short pairing id and a message with no step', () => {
    const good = encodePairingMessage({
      pairingId: id,
      step: { kind: 'hello', terminalId: 't', terminalKey: key },
    });
    expect(refused(new Uint8Array(40).fill(0xff))).toBe(ErrorCode.Mqtt_Malformed);
    for (let cut = 1; cut < good.length; cut++) expect(refused(good.subarray(0, cut))).toBeDefined();
    expect(refused(new Uint8Array(MAX_PAIRING_MESSAGE_BYTES + 1))).toBe(ErrorCode.Mqtt_TooLarge);
    expect(
      refused(fareader.v1.PairingMessage.encode({ pairingId: id.subarray(0, 8), confirm: {} }).finish()),
    ).toBe(ErrorCode.Mqtt_Malformed);
    expect(refused(fareader.v1.PairingMessage.encode({ pairingId: id }).finish())).toBe(
      ErrorCode.Mqtt_Malformed,
    );
    expect(refused(new Uint8Array())).toBe(ErrorCode.Mqtt_Malformed);
  });
});
