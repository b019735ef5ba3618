// Where the card module sits in the appliance: the session holds this one CardModule from
// boot, and the module that is really there is plugged into it when it opens (again). With no
// module, no card is present and an exchange fails at once with a project error naming it.
import { EventEmitter } from 'node:events';
import type { CardModule, CardModuleEvents } from '../device/card/card-module.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';

export class CardModuleSlot extends EventEmitter<CardModuleEvents> implements CardModule {
  private current?: CardModule;
  private unlisten?: () => void;

  constructor(private readonly kind: string) {
    super();
  }

  get name(): string {
    return this.current?.name ?? `${this.kind} (missing)`;
  }

  get cardPresent(): boolean {
    return this.current?.cardPresent ?? false;
  }

  get maxResponseData(): number {
    return this.current?.maxResponseData ?? 256;
  }

  get maxChainedResponse(): number | undefined {
    return this.current?.maxChainedResponse;
  }

  /** The module opened: its events are this slot's from now on. */
  attach(m: CardModule): void {
    this.detach();
    this.current = m;
    const onCard = (...a: CardModuleEvents['card']): void => void this.emit('card', ...a);
    const onRemoved = (): void => void this.emit('removed');
    const onError = (e: Error): void => void this.emit('error', e);
    m.on('card', onCard);
    m.on('removed', onRemoved);
    m.on('error', onError);
    this.unlisten = () => {
      m.off('card', onCard);
      m.off('removed', onRemoved);
      m.off('error', onError);
    };
  }

  /** The module went away: a card it held is gone with it. */
  detach(): void {
    const m = this.current;
    if (!m) return;
    const had = m.cardPresent;
    this.unlisten?.();
    this.unlisten = undefined;
    this.current = undefined;
    if (had) this.emit('removed');
  }

  transmit(apdu: Uint8Array, opts?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Uint8Array> {
    const m = this.current;
    if (!m)
      return Promise.reject(
        new ReaderError(ErrorCode.Card_Module, `the card module (${this.kind}) is missing`),
      );
    return m.transmit(apdu, opts);
  }

  async close(): Promise<void> {
    this.detach();
  }
}
