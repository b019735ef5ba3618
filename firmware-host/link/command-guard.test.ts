import { describe, expect, it } from 'vitest';
import { fareader } from '../../protocol/gen/fareader.js';
import { PayloadType, seal } from '../../protocol/link/envelope.js';
import { generateKeyPair, keyIdHex } from '../../protocol/link/keys.js';
import { toLong } from '../../protocol/link/u64.js';
import { admitCommand, type GuardContext } from './command-guard.js';

const S = fareader.v1.ResponseStatus;
const terminal = generateKeyPair();
const stranger = generateKeyPair();
const NOW = 1_800_000_000_000;

function ctx(seen = new Set<string>(), sequences = new Map<string, bigint>()): GuardContext {
  return {
    admitSequence: (t, seq) => {
      if (seq <= (sequences.get(t) ?? 0n)) return false;
      sequences.set(t, seq);
      return true;
    },
    deviceId: 'reader-01',
    trust: (id) => (id === keyIdHex(terminal.publicKey) ? terminal.publicKey : undefined),
    nowMs: NOW,
    windowMs: 60_000,
    remember: (id) => {
      const k = Buffer.from(id).toString('hex');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    },
  };
}

function command(over: Partial<fareader.v1.ICommand> = {}, key = terminal): Uint8Array {
  const payload = fareader.v1.Command.encode({
    commandId: new Uint8Array(16).fill(7),
    deviceId: 'reader-01',
    issuedAtMs: toLong(NOW - 1000),
    cancelSession: {},
    ...over,
  }).finish();
  return seal(PayloadType.PAYLOAD_TYPE_COMMAND, payload, key);
}

describe('command admission', () => {
  it('admits a fresh command signed by a trusted terminal, once', () => {
    const c = ctx();
    const a = admitCommand(command(), c);
    expect(a.ok && a.command.body).toBe('cancelSession');
    const replay = admitCommand(command(), c);
    expect(!replay.ok && replay.status).toBe(S.RESPONSE_STATUS_REPLAYED);
  });

  it.each([
    [
      'unsigned',
      fareader.v1.SignedEnvelope.encode({ payloadType: 4, payload: new Uint8Array(3) }).finish(),
      S.RESPONSE_STATUS_UNSIGNED,
    ],
    ['unknown key', command({}, stranger), S.RESPONSE_STATUS_UNKNOWN_KEY],
    ['garbage', Uint8Array.of(0xff, 0xff, 0xff), S.RESPONSE_STATUS_MALFORMED],
    ['stale', command({ issuedAtMs: toLong(NOW - 120_000) }), S.RESPONSE_STATUS_STALE],
    ['from the future', command({ issuedAtMs: toLong(NOW + 120_000) }), S.RESPONSE_STATUS_STALE],
    ['for another device', command({ deviceId: 'reader-02' }), S.RESPONSE_STATUS_WRONG_DEVICE],
    ['short command id', command({ commandId: new Uint8Array(4) }), S.RESPONSE_STATUS_MALFORMED],
    [
      'wrong payload type',
      seal(PayloadType.PAYLOAD_TYPE_RESULT_ACK, new Uint8Array(), terminal),
      S.RESPONSE_STATUS_WRONG_PAYLOAD_TYPE,
    ],
  ])('refuses %s', (_name, bytes, status) => {
    const a = admitCommand(bytes, ctx());
    expect(a.ok).toBe(false);
    expect(!a.ok && a.status).toBe(status);
  });

  it('does not let a refused (stale) command poison the replay cache', () => {
    const c = ctx();
    admitCommand(command({ issuedAtMs: toLong(NOW - 120_000) }), c);
    expect(admitCommand(command(), c).ok).toBe(true);
  });

  it('a newer command from the same terminal supersedes an older one not yet seen (SPEC 8.9)', () => {
    const c = ctx();
    const id = (n: number) => new Uint8Array(16).fill(n);
    expect(admitCommand(command({ commandId: id(1), sequence: toLong(5), terminalId: 't1' }), c).ok).toBe(
      true,
    );
    const late = admitCommand(command({ commandId: id(2), sequence: toLong(4), terminalId: 't1' }), c);
    expect(late).toMatchObject({ ok: false, status: S.RESPONSE_STATUS_SUPERSEDED });
    const same = admitCommand(command({ commandId: id(3), sequence: toLong(5), terminalId: 't1' }), c);
    expect(same).toMatchObject({ ok: false, status: S.RESPONSE_STATUS_SUPERSEDED });
    // Another terminal id has its own sequence; 0 is a terminal that predates sequences.
    expect(admitCommand(command({ commandId: id(4), sequence: toLong(1), terminalId: 't2' }), c).ok).toBe(
      true,
    );
    expect(admitCommand(command({ commandId: id(5), terminalId: 't1' }), c).ok).toBe(true);
    expect(admitCommand(command({ commandId: id(6), sequence: toLong(6), terminalId: 't1' }), c).ok).toBe(
      true,
    );
  });

  it('a sequence too large to store is malformed', () => {
    const r = admitCommand(command({ sequence: toLong(1n << 63n), terminalId: 't1' }), ctx());
    expect(r).toMatchObject({ ok: false, status: S.RESPONSE_STATUS_MALFORMED });
  });
});
