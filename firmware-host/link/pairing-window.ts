// The reader's side of pairing (SPEC 15.1–15.3, 15.8): a window staff open from the debug
// shell or the staff screen, one at a time, ending by itself after a timeout. Inside it the
// first terminal that says hello is the one paired with; a second key, a refusal by either
// side's staff or the timeout ends it with nothing trusted. The terminal's key is trusted only
// when this side's staff confirmed equal codes and the terminal's confirmation arrived.
import { EventEmitter } from 'node:events';
import { addTrusted, type TrustedKey } from '../../platform/keys/keystore.js';
import type { Logger } from '../../platform/log.js';
import { bytesEqual } from '../../protocol/bytes.js';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import { type Ed25519, tweetnaclEd25519 } from '../../protocol/link/ed25519.js';
import type { KeyPair } from '../../protocol/link/keys.js';
import { keyIdHex } from '../../protocol/link/keys.js';
import {
  decodePairingMessage,
  encodePairingMessage,
  type PairingStep,
  type PairingWireMessage,
  verifyPairingStep,
} from '../../protocol/link/pairing-messages.js';
import { isValidId } from '../../protocol/link/topics.js';
import { DevicePairing, PAIRING_NONCE_BYTES } from '../../protocol/pairing.js';

export const DEFAULT_PAIRING_WINDOW_MS = 120_000;

export type PairingPhase = 'closed' | 'waiting' | 'comparing' | 'paired' | 'ended';

/** What the shell and the staff screen show. The code is no secret: staff read it aloud. */
export interface PairingStatus {
  readonly phase: PairingPhase;
  readonly terminalId?: string;
  readonly terminalKeyId?: string;
  readonly code?: string;
  readonly confirmedHere: boolean;
  readonly confirmedThere: boolean;
  /** Why it ended (phase `ended`). */
  readonly reason?: string;
  /** Until the window closes by itself (open phases). */
  readonly remainingMs?: number;
}

/** What the window needs from the link: its topic, and the trust store it writes into. */
export interface PairingWindowOptions {
  readonly deviceId: string;
  readonly key: KeyPair;
  /** Hears the terminal's side of the window's topic (DeviceLink.listenPairing). */
  readonly listen: (on: ((bytes: Uint8Array) => void) | undefined) => void;
  /** Publishes the device's side (DeviceLink.publishPairing). */
  readonly send: (bytes: Uint8Array) => void;
  /** Trusts the terminal's key for its id, durably; called once, after both confirmations. */
  readonly trust: (terminalId: string, publicKey: Uint8Array) => void;
  readonly random: (n: number) => Uint8Array;
  readonly log: Logger;
  readonly now?: () => number;
  readonly timeoutMs?: number;
  readonly ed?: Ed25519;
}

interface Attempt {
  readonly pairing: DevicePairing;
  readonly pairingId: Uint8Array;
  readonly terminalId: string;
  readonly terminalKey: Uint8Array;
  readonly commit: Uint8Array;
  terminalNonce?: Uint8Array;
  reveal?: Uint8Array;
  code?: string;
}

export class PairingWindow extends EventEmitter {
  private phase: PairingPhase = 'closed';
  private nonce?: Uint8Array;
  private attempt?: Attempt;
  private confirmedHere = false;
  private confirmedThere = false;
  private reason?: string;
  private deadline = 0;
  private timer?: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly o: PairingWindowOptions) {
    super();
    this.now = o.now ?? Date.now;
  }

  /** A terminal may pair now (the embedded broker admits pairing connections only then). */
  get isOpen(): boolean {
    return this.phase === 'waiting' || this.phase === 'comparing';
  }

  status(): PairingStatus {
    const a = this.attempt;
    return {
      phase: this.phase,
      terminalId: a?.terminalId,
      terminalKeyId: a && keyIdHex(a.terminalKey),
      code: a?.code,
      confirmedHere: this.confirmedHere,
      confirmedThere: this.confirmedThere,
      reason: this.reason,
      remainingMs: this.isOpen ? Math.max(0, this.deadline - this.now()) : undefined,
    };
  }

  /** Opens a window; throws if one is open (one pairing at a time). */
  open(timeoutMs = this.o.timeoutMs ?? DEFAULT_PAIRING_WINDOW_MS): PairingStatus {
    if (this.isOpen)
      throw new ReaderError(
        ErrorCode.Usage,
        'a pairing window is open already: confirm, refuse or wait for it',
      );
    this.nonce = this.o.random(PAIRING_NONCE_BYTES);
    this.attempt = undefined;
    this.confirmedHere = false;
    this.confirmedThere = false;
    this.reason = undefined;
    this.phase = 'waiting';
    this.deadline = this.now() + timeoutMs;
    this.timer = setTimeout(() => this.end('timed out'), timeoutMs);
    this.o.listen((b) => this.receive(b));
    this.o.log.info('pairing window open', { timeoutMs });
    // readerd drops the pairing connections of an earlier window: none carries over.
    this.emit('open');
    this.changed();
    return this.status();
  }

  /** The staff here saw the same code as the terminal's. */
  confirm(): PairingStatus {
    const a = this.attempt;
    if (this.phase !== 'comparing' || !a?.code)
      throw new ReaderError(ErrorCode.Usage, 'no code to confirm: no terminal has paired in this window yet');
    a.pairing.confirm();
    this.confirmedHere = true;
    // Our confirm is sent by maybeTrust, once the key is stored (the terminal trusts on it).
    this.maybeTrust();
    return this.status();
  }

  /** The staff here refused (the codes differ, or this is not the terminal they expected). */
  refuse(): PairingStatus {
    if (!this.isOpen) throw new ReaderError(ErrorCode.Usage, 'no pairing window is open');
    this.end('refused on the reader');
    return this.status();
  }

  /** Ends a window still open (readerd stopping). */
  close(): void {
    if (this.isOpen) this.end('the reader stopped');
  }

  private receive(bytes: Uint8Array): void {
    if (!this.isOpen) return;
    let m: ReturnType<typeof decodePairingMessage>;
    try {
      m = decodePairingMessage(bytes);
    } catch (e) {
      // Garbage does not use up the window: the terminal that sends it is not paired with.
      this.o.log.warn('pairing message refused', { reason: isReaderError(e) ? e.message : String(e) });
      return;
    }
    const a = this.attempt;
    if (m.step.kind === 'hello') return this.hello(m.pairingId, m.step);
    // Steps of another attempt than the one in progress are not ours to act on.
    if (!a || !bytesEqual(a.pairingId, m.pairingId)) return;
    if (m.step.kind === 'commit' || m.step.kind === 'device-nonce') return; // our own steps
    // SPEC 15.10: a terminal step counts only when signed by the key of this attempt's hello
    // (a confirm over the code shown here); anyone else on the broker can neither confirm nor
    // end it. A step that fails is ignored, not fatal, so a forger cannot end the window either.
    if (!this.signedByTerminal(a, m)) return;
    switch (m.step.kind) {
      case 'terminal-nonce':
        return this.terminalNonce(a, m.step.nonce);
      case 'confirm':
        this.confirmedThere = true;
        this.changed();
        return this.maybeTrust();
      case 'abort':
        return this.end(`the terminal ended it: ${m.step.reason || 'no reason given'}`);
    }
  }

  private signedByTerminal(a: Attempt, m: PairingWireMessage): boolean {
    // A confirm before the codes were shown has no code to be checked against.
    if (m.step.kind === 'confirm' && !a.code) {
      this.o.log.warn('pairing step refused', { step: 'confirm', reason: 'before the codes were shown' });
      return false;
    }
    if (verifyPairingStep(this.o.ed ?? tweetnaclEd25519, a.terminalKey, m, a.code)) return true;
    this.o.log.warn('pairing step refused', {
      step: m.step.kind,
      reason: m.signature ? "not signed by the hello's key" : 'unsigned',
    });
    return false;
  }

  private hello(pairingId: Uint8Array, s: Extract<PairingStep, { kind: 'hello' }>): void {
    const a = this.attempt;
    if (a) {
      // The same hello again (the terminal repeats it until our commitment arrives): answer again.
      if (
        bytesEqual(a.pairingId, pairingId) &&
        a.terminalId === s.terminalId &&
        bytesEqual(a.terminalKey, s.terminalKey)
      )
        return this.sendStep({
          kind: 'commit',
          deviceId: this.o.deviceId,
          deviceKey: this.o.key.publicKey,
          commitment: a.commit,
        });
      // SPEC 15.3: a second key in one window ends it, so a second party cannot race the first.
      return this.end(`a second terminal ("${s.terminalId.slice(0, 64)}") in the window`, pairingId);
    }
    if (!isValidId(s.terminalId)) {
      this.o.log.warn('pairing hello refused', { reason: 'the terminal id is no valid id' });
      return;
    }
    const pairing = new DevicePairing(this.o.deviceId, this.o.key.publicKey, this.nonce!);
    let answer: ReturnType<DevicePairing['hello']>;
    try {
      answer = pairing.hello(s.terminalId, s.terminalKey);
    } catch (e) {
      this.o.log.warn('pairing hello refused', { reason: isReaderError(e) ? e.message : String(e) });
      return;
    }
    this.attempt = {
      pairing,
      pairingId,
      terminalId: s.terminalId,
      terminalKey: s.terminalKey,
      commit: answer.commitment,
    };
    this.o.log.info('pairing: a terminal said hello', {
      terminalId: s.terminalId,
      keyId: keyIdHex(s.terminalKey),
    });
    this.sendStep({
      kind: 'commit',
      deviceId: answer.deviceId,
      deviceKey: answer.deviceKey,
      commitment: answer.commitment,
    });
    this.changed();
  }

  private terminalNonce(a: Attempt, nonce: Uint8Array): void {
    if (a.terminalNonce) {
      if (bytesEqual(a.terminalNonce, nonce) && a.reveal)
        this.sendStep({ kind: 'device-nonce', nonce: a.reveal });
      else this.end('a second terminal nonce');
      return;
    }
    try {
      a.reveal = a.pairing.reveal(nonce);
    } catch (e) {
      return this.end(isReaderError(e) ? e.message : 'a bad terminal nonce');
    }
    a.terminalNonce = nonce;
    a.code = a.pairing.code();
    this.phase = 'comparing';
    this.sendStep({ kind: 'device-nonce', nonce: a.reveal });
    this.changed();
  }

  private maybeTrust(): void {
    const a = this.attempt;
    if (!a || !this.confirmedHere || !this.confirmedThere || this.phase !== 'comparing') return;
    const key = a.pairing.peerKey;
    const id = a.pairing.peerId;
    if (!key || !id) return;
    // Stored first, then our confirm: the terminal trusts this reader when the confirm comes,
    // so it must never come for a key this reader failed to keep; on a failure it gets an abort.
    try {
      this.o.trust(id, key);
    } catch (e) {
      return this.end(`the terminal's key could not be stored: ${(e as Error).message}`);
    }
    this.sendStep({ kind: 'confirm' });
    this.stop('paired');
    this.o.log.info('paired with a terminal', { terminalId: id, keyId: keyIdHex(key) });
    this.changed();
  }

  private end(reason: string, otherPairingId?: Uint8Array): void {
    if (!this.isOpen) return;
    this.reason = reason;
    this.sendStep({ kind: 'abort', reason });
    if (otherPairingId) this.sendStep({ kind: 'abort', reason }, otherPairingId);
    this.stop('ended');
    this.o.log.warn('pairing ended, nothing trusted', { reason });
    this.changed();
  }

  private stop(phase: 'paired' | 'ended'): void {
    this.phase = phase;
    clearTimeout(this.timer);
    this.o.listen(undefined);
  }

  private sendStep(step: PairingStep, pairingId = this.attempt?.pairingId): void {
    if (!pairingId) return; // nobody to tell yet
    this.o.send(encodePairingMessage({ pairingId, step }));
  }

  private changed(): void {
    this.emit('change', this.status());
  }
}

/** The trust callback readerd gives: the key file in the trust folder and the live map. */
export function trustIntoFolder(dir: string, live: Map<string, TrustedKey>) {
  return (terminalId: string, publicKey: Uint8Array): void => {
    // A terminal paired again (a new key) replaces its old key, which the file name held.
    for (const [keyId, t] of live) if (t.name === terminalId) live.delete(keyId);
    const entry = addTrusted(dir, terminalId, publicKey);
    live.set(entry.keyId, entry);
  };
}
