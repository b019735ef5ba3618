// What every IC-card module driver (PN532, CCID) offers the card layer: APDU exchange with
// the card in the field, and events when a card arrives or leaves.
import type { EventEmitter } from 'node:events';

export interface CardInfo {
  /** ATQB for a PN532, the pseudo-ATR for a CCID reader. */
  readonly id: Uint8Array;
  readonly module: string;
}

export interface CardModuleEvents {
  card: [info: CardInfo];
  removed: [];
  error: [error: Error];
}

export interface CardModule extends EventEmitter<CardModuleEvents> {
  readonly name: string;
  readonly cardPresent: boolean;
  /** Largest R-APDU data (without SW) the module returns in one exchange, unchained. */
  readonly maxResponseData: number;
  /**
   * Largest R-APDU data (without SW) the module returns for one C-APDU by chaining its parts
   * itself (the PN532's MI bit), when larger than maxResponseData; absent: no such chaining, and
   * long files are read in steps of maxResponseData.
   */
  readonly maxChainedResponse?: number;
  /** Sends a C-APDU, resolves with the R-APDU (data ‖ SW1 SW2). */
  transmit(apdu: Uint8Array, opts?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Uint8Array>;
  close(): Promise<void>;
}
