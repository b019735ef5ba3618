// One end of the signed link (SPEC §4, §10), shared by the device and the terminal: a message
// is matched to its route by topic, its envelope verified against the trusted keys before a
// byte of its payload is decoded, then decoded and handed to the route's handler. Everything
// refused on the way is counted by reason; a handler that throws or rejects is caught, counted
// and logged, never an unhandled rejection; the messages of one route are handled in order.

import { isReaderError, type ReaderError } from '../../protocol/errors.js';
import type { Ed25519 } from '../../protocol/link/ed25519.js';
import {
  decodePayload,
  type OpenedEnvelope,
  open,
  type PayloadType,
  type TrustLookup,
} from '../../protocol/link/envelope.js';
import type { Logger } from '../log.js';
import { RejectionStats } from './link-stats.js';

/** A verified, decoded message as its handler receives it. */
export interface Delivery<M> {
  readonly topic: string;
  readonly message: M;
  readonly envelope: OpenedEnvelope;
  /** The envelope as received (what a record keeps). */
  readonly bytes: Uint8Array;
  readonly retained: boolean;
}

/** Why a message did not reach its handler, or failed in it. */
export interface Refusal {
  readonly topic: string;
  readonly bytes: Uint8Array;
  readonly stage: 'envelope' | 'authority' | 'decode' | 'handler';
  readonly reason: string;
  readonly detail: string;
  /** The ReaderError behind an envelope, authority or decode refusal. */
  readonly error?: ReaderError;
}

export interface Route<M> {
  /** Counted as `${kind}:${reason}`. */
  readonly kind: string;
  /** The subscription filter this route needs (several topics may share one). */
  readonly filter: string;
  matches(topic: string): boolean;
  readonly payloadType: PayloadType;
  decode(payload: Uint8Array): M;
  handle(delivery: Delivery<M>): void | Promise<void>;
  /** Keys this route trusts; default the endpoint's. */
  readonly trust?: TrustLookup;
  /** Only while this holds are messages on the route looked at (default always). */
  active?(): boolean;
  /** An empty message is a cleared retained one: dropped uncounted. */
  readonly ignoreEmpty?: boolean;
  /** After the signature verifies, before decoding: throws a ReaderError if the key may not sign here. */
  authorise?(envelope: OpenedEnvelope, topic: string): void;
  /** The reason a refused envelope or payload is counted under (default the error's code name). */
  reasonOf?(error: ReaderError): string;
  /** What the route does beyond counting when a message is refused (a device answers a command). */
  refused?(refusal: Refusal): void;
}

/** A route table entry of any message type (handlers stay typed where the route is built). */
// biome-ignore lint/suspicious/noExplicitAny: the table is heterogeneous; each route is typed where it is built.
export type AnyRoute = Route<any>;

export interface SignedEndpointOptions {
  readonly routes: readonly AnyRoute[];
  readonly trust: TrustLookup;
  readonly ed: Ed25519;
  readonly log: Logger;
  readonly stats?: RejectionStats;
  /** Told of every rejection (the link ends re-emit it as their 'rejected' event). */
  readonly onRejected?: (r: { kind: string; reason: string; detail: string; topic: string }) => void;
}

export class SignedEndpoint {
  readonly stats: RejectionStats;
  /** Per route: the tail of its handlers still running, so the next message waits for them. */
  private readonly tails = new Map<AnyRoute, Promise<void>>();

  constructor(private readonly opts: SignedEndpointOptions) {
    this.stats = opts.stats ?? new RejectionStats();
  }

  /** The subscription filters of every route, once each. */
  filters(): string[] {
    return [...new Set(this.opts.routes.map((r) => r.filter))];
  }

  /** Counts a rejection; logged only while the reason's budget for this summary period lasts. */
  reject(kind: string, reason: string, detail: string, topic: string): void {
    if (this.stats.count(`${kind}:${reason}`))
      this.opts.log.warn(`rejected ${kind}`, { reason, detail, topic });
    this.opts.onRejected?.({ kind, reason, detail, topic });
  }

  /** A message as the broker delivered it. Never throws. */
  receive(topic: string, bytes: Uint8Array, retained = false): void {
    const route = this.opts.routes.find((r) => r.matches(topic));
    if (!route) return;
    try {
      if (route.active && !route.active()) return;
      if (route.ignoreEmpty && bytes.length === 0) return;
      const delivery = this.admit(route, topic, bytes, retained);
      if (delivery) this.run(route, delivery);
    } catch (e) {
      // A bug in a route's own checks must not take the link down; it is logged and counted.
      this.fail(route, topic, bytes, e);
    }
  }

  /** Resolves once every handler started so far has finished (for an orderly stop and tests). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  private admit(route: AnyRoute, topic: string, bytes: Uint8Array, retained: boolean) {
    let stage: Refusal['stage'] = 'envelope';
    try {
      const envelope = open(bytes, route.trust ?? this.opts.trust, route.payloadType, this.opts.ed);
      stage = 'authority';
      route.authorise?.(envelope, topic);
      stage = 'decode';
      const message = decodePayload((b) => route.decode(b), envelope.payload);
      return { topic, message, envelope, bytes, retained };
    } catch (e) {
      if (!isReaderError(e)) throw e;
      this.refuse(route, {
        topic,
        bytes,
        stage,
        reason: route.reasonOf?.(e) ?? e.codeName,
        detail: e.message,
        error: e,
      });
      return undefined;
    }
  }

  private refuse(route: AnyRoute, r: Refusal): void {
    this.reject(route.kind, r.reason, r.detail, r.topic);
    route.refused?.(r);
  }

  private fail(route: AnyRoute, topic: string, bytes: Uint8Array, e: unknown): void {
    const detail = e instanceof Error ? e.message : String(e);
    try {
      this.refuse(route, { topic, bytes, stage: 'handler', reason: 'internal', detail });
    } catch (again) {
      this.opts.log.error('a route failed while refusing a message', { err: again, topic });
    }
  }

  /**
   * Runs the handler now when nothing on its route is pending (so synchronous handlers stay
   * synchronous), otherwise after what is: in order, whatever each handler awaits.
   */
  private run(route: AnyRoute, d: Delivery<unknown>): void {
    const pending = this.tails.get(route);
    const call = (): void | Promise<void> => route.handle(d);
    let result: void | Promise<void>;
    if (pending) result = pending.then(call);
    else {
      try {
        result = call();
      } catch (e) {
        this.fail(route, d.topic, d.bytes, e);
        return;
      }
      if (!(result instanceof Promise)) return;
    }
    const tail: Promise<void> = Promise.resolve(result)
      .catch((e: unknown) => this.fail(route, d.topic, d.bytes, e))
      .finally(() => {
        if (this.tails.get(route) === tail) this.tails.delete(route);
      });
    this.tails.set(route, tail);
  }
}
