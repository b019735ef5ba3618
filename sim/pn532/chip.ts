// The emulated PN532's state, shared by its command handlers: registers, RF settings, the
// card in the field, the targets it has activated. No I/O here; handlers answer with the
// response data, an error frame, or nothing (a command aborted by the host's ACK).
import type { MyNumberCard } from '../card/mynumber-emulator.js';
import { RegisterFile } from './registers.js';
import { TypeBPicc } from './type-b-picc.js';

export const ERROR_ANSWER = Symbol('application error frame');
export const NO_ANSWER = Symbol('no answer');
export type Answer = Uint8Array | typeof ERROR_ANSWER | typeof NO_ANSWER;

export interface Pn532ChipOptions {
  /**
   * Answer Diagnose NumTst 0x06 (attention request / card presence) as a PN533 does.
   * A real PN532 does not support it (libnfc found so): off by default.
   */
  readonly attentionTest?: boolean;
  /** Firmware version bytes: IC, Ver, Rev, Support. */
  readonly firmware?: readonly [number, number, number, number];
  /** ms, for how long the field was off (a test may step it by hand). */
  readonly clock?: () => number;
}

/**
 * A card powers up again (IDLE) only when the field was off this long: ISO/IEC 14443-3's reset
 * time, 5 ms at least. Through a shorter gap its supply holds and it keeps its state (an
 * activated card then still ignores REQB).
 */
export const FIELD_RESET_MS = 5;

export interface Target {
  readonly tg: number;
  readonly picc: TypeBPicc;
  /** Deselected by InDeselect: kept for InSelect, not usable for exchanges. */
  selected: boolean;
  /** The PCD's ISO-DEP block number for this target. */
  blockNumber: number;
  /** C-APDU parts the host sent with MI set in Tg. */
  hostChain: Uint8Array[];
  /** R-APDU bytes still to hand over with MI. */
  pendingChain?: Uint8Array;
}

/** Status byte codes (PN532 user manual §7.1). */
export const Status = {
  Ok: 0x00,
  Timeout: 0x01,
  InvalidParameter: 0x10,
  NotAcceptable: 0x27,
  Released: 0x29,
  CardDisappeared: 0x2b,
} as const;

export class Pn532Chip {
  readonly regs = new RegisterFile();
  readonly firmware: readonly [number, number, number, number];
  readonly attentionTest: boolean;
  picc?: TypeBPicc;
  targets: Target[] = [];
  rfOn = false;
  /** When the field went off (undefined: never on since power-up, or a card came since). */
  private offSince?: number;
  private readonly clock: () => number;
  /** RFConfiguration item 2: RFU, ATR_RES timeout, InCommunicateThru/InDataExchange timeout. */
  timings: [number, number, number] = [0x00, 0x0b, 0x0a];
  /** RFConfiguration item 4. */
  maxRetryCom = 0x00;
  /** RFConfiguration item 5: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation (FF = for ever). */
  maxRetries: [number, number, number] = [0xff, 0x01, 0xff];
  /** RFConfiguration items 0x0A–0x0D (analog settings), kept as written. */
  readonly analog = new Map<number, Uint8Array>();
  /** SetParameters flags (fNADUsed, fDIDUsed, fAutomaticATR_RES, fAutomaticRATS, …). */
  parameters = 0x00;
  samMode = 0x01;
  /** Status of the last command that talked to a target (GetGeneralStatus Err). */
  lastError = 0x00;

  constructor(opts: Pn532ChipOptions = {}) {
    this.firmware = opts.firmware ?? [0x32, 0x01, 0x06, 0x07];
    this.attentionTest = opts.attentionTest ?? false;
    this.clock = opts.clock ?? (() => performance.now());
  }

  placeCard(card: MyNumberCard): void {
    this.picc = new TypeBPicc(card);
  }

  removeCard(): void {
    this.picc?.powerCycle();
    this.picc = undefined;
  }

  /**
   * The field on or off. Off, no card answers and the chip forgets its targets; on again after
   * FIELD_RESET_MS or more, the card in it starts again from IDLE, forgetting its state.
   */
  setField(on: boolean): void {
    if (on === this.rfOn) return;
    this.rfOn = on;
    if (!on) {
      this.offSince = this.clock();
      this.targets = [];
      return;
    }
    const off = this.offSince;
    this.offSince = undefined;
    if (off === undefined || this.clock() - off >= FIELD_RESET_MS) this.picc?.powerCycle();
  }

  target(tg: number): Target | undefined {
    return this.targets.find((t) => t.tg === (tg & 0x0f));
  }

  /** A target whose card is still in the field. */
  reachable(t: Target): boolean {
    return this.rfOn && this.picc === t.picc && !t.picc.gone;
  }

  /** The RF timeout of InCommunicateThru/InDataExchange: code n → 100 µs · 2^(n−1). */
  get comTimeoutMs(): number {
    const n = this.timings[2];
    return n === 0 ? 0 : Math.min(3300, 0.1 * 2 ** (n - 1));
  }
}

/** Waits ms, or less when the host aborts: true when the time ran out. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve(true);
    }, ms);
    const stop = (): void => {
      clearTimeout(t);
      resolve(false);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
