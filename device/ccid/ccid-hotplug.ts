// A CCID card module that survives its reader being unplugged and plugged back (issue 13,
// defect 5): it follows the bus with watchCcidReaders and speaks through whichever known
// reader is there. The session layer sees one CardModule: a card removed when the reader
// goes, a card placed when the new reader finds one.
import { EventEmitter } from 'node:events';
import { ErrorCode, isReaderError, ReaderError } from '../../protocol/errors.js';
import type { CardModule, CardModuleEvents } from '../card/card-module.js';
import { type CcidOptions, type CcidReader, watchCcidReaders } from './ccid-reader.js';
import type { ReaderId, UsbBusLike } from './webusb.js';

export class HotplugCcidModule extends EventEmitter<CardModuleEvents> implements CardModule {
  readonly maxResponseData = 256;
  private current?: CcidReader;
  private stopWatching?: () => void;
  private readonly detach = new Map<CcidReader, () => void>();
  private onFirstReader?: () => void;

  constructor(
    private readonly usb: UsbBusLike,
    private readonly table: readonly ReaderId[],
    private readonly opts: CcidOptions = {},
  ) {
    super();
  }

  get name(): string {
    return this.current?.name ?? 'CCID (no reader plugged in)';
  }

  /** A known reader is on the bus and open. */
  get readerPlugged(): boolean {
    return this.current !== undefined;
  }

  get cardPresent(): boolean {
    return this.current?.cardPresent ?? false;
  }

  /** Starts following the bus; resolves with the first reader, or rejects after `timeoutMs`. */
  start(timeoutMs = 3000): Promise<void> {
    const first = new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(
            new ReaderError(
              ErrorCode.Card_Module,
              `no CCID reader on USB (known: ${this.table.map((r) => r.name).join(', ')}); check the cable and the udev rules`,
            ),
          ),
        timeoutMs,
      );
      this.onFirstReader = () => {
        clearTimeout(t);
        resolve();
      };
    });
    this.stopWatching = watchCcidReaders(this.usb, this.table, (r) => this.adopt(r), this.opts);
    return first;
  }

  private adopt(r: CcidReader): void {
    const prev = this.current;
    if (prev) this.drop(prev);
    this.current = r;
    const onCard = (...a: CardModuleEvents['card']): void => void this.emit('card', ...a);
    const onRemoved = (): void => void this.emit('removed');
    const onError = (e: Error): void => {
      if (isReaderError(e, ErrorCode.Link_Disconnected)) this.drop(r);
      this.emit('error', e);
    };
    r.on('card', onCard);
    r.on('removed', onRemoved);
    r.on('error', onError);
    this.detach.set(r, () => {
      r.off('card', onCard);
      r.off('removed', onRemoved);
      r.off('error', onError);
    });
    this.onFirstReader?.();
    this.onFirstReader = undefined;
    // open() powered a card that was already there before anyone listened.
    if (r.cardPresent && r.atr) this.emit('card', { id: r.atr, module: r.name });
  }

  private drop(r: CcidReader): void {
    this.detach.get(r)?.();
    this.detach.delete(r);
    if (this.current === r) this.current = undefined;
  }

  transmit(apdu: Uint8Array, opts?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Uint8Array> {
    const r = this.current;
    if (!r) return Promise.reject(new ReaderError(ErrorCode.Card_NoCard, 'no CCID reader is plugged in'));
    return r.transmit(apdu, opts);
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    for (const r of [...this.detach.keys()]) this.drop(r);
  }
}
