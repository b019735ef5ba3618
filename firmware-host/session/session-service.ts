// The runner of the session machine: it turns card-module events, patient input (kiosk,
// panel), terminal commands and timers into machine events, performs the effects the machine
// asks for, and keeps the session's secrets (照合番号B, the PIN, the chip photo) out of the
// machine's state and out of every log, trace and event.
import { EventEmitter } from 'node:events';
import type { RgbImage } from '../../device/image/decode.js';
import type { Logger } from '../../platform/log.js';
import { toHex } from '../../protocol/bytes.js';
import { Secret } from '../../protocol/secret.js';
import type { FaceEvidence } from '../vision/face-verifier.js';
import type { QualityIssue } from '../vision/quality.js';
import { outcomeForError } from './errors-to-outcome.js';
import {
  type Context,
  type Effect,
  type Event,
  inSession,
  STAGE_OF,
  type State,
  type StateKind,
  transition,
} from './machine.js';
import { pinEvidenceDigest } from './result-proto.js';
import type { SessionIo, StagePart } from './session-io.js';
import type { ConsentKind, FaceProof, Method, ResultDraft, Stage } from './types.js';

export type { SessionIo, StagePart } from './session-io.js';

export interface SessionSettings {
  readonly consents: readonly ConsentKind[];
  readonly faceEnabled: boolean;
  readonly pinEnabled: boolean;
  readonly visualCheckOnBlockedPin: boolean;
  /** How long each state may last before the session times out (ms); absent = no limit. */
  readonly timeouts: Partial<Record<StateKind, number>>;
}

export type PatientInput =
  | { readonly type: 'choose'; readonly method: Method }
  | { readonly type: 'pin'; readonly pin: string }
  | { readonly type: 'confirm-last-try' }
  | { readonly type: 'consent'; readonly granted: boolean }
  | { readonly type: 'cancel' };

export interface TraceEntry {
  readonly at: number;
  readonly event: string;
  readonly from: StateKind;
  readonly to: StateKind;
  readonly effects: readonly string[];
}

/** The event loop's delay over a session (perf_hooks in readerd), logged with its stages. */
export interface LoopDelayMonitor {
  reset(): void;
  p99Ms(): number;
}

export interface SessionServiceOptions {
  readonly io: SessionIo;
  readonly settings: SessionSettings;
  /** Stores and publishes a result through the durable outbox; returns its counter. */
  readonly publish: (result: ResultDraft) => bigint;
  /** Records that a session started (so a crash mid-session still ends with a result). */
  readonly journal: (sessionId: string, nonceHex: string, startedAt: number) => void;
  readonly progress?: (sessionId: string, stage: Stage | undefined, state: StateKind) => void;
  readonly now: () => number;
  readonly newId: () => string;
  readonly log: Logger;
  readonly loopDelay?: LoopDelayMonitor;
  /**
   * false: each face stage starts only when the machine asks for it, after the one before (the
   * session bench's sequential baseline, chosen by its composition root). Default true.
   */
  readonly pipeline?: boolean;
}

export interface SessionServiceEvents {
  change: [state: State];
  guidance: [issue: QualityIssue];
  notice: [code: string];
  result: [result: ResultDraft, counter: bigint];
}

const TRACE_MAX = 200;

/** States in which the face path may still come: its work started ahead stays wanted. */
function faceMayFollow(st: State): boolean {
  switch (st.kind) {
    case 'reading-card':
    case 'reading-card-face':
    case 'reading-photo':
    case 'capturing':
      return true;
    case 'choosing-method':
      return st.offered.includes('face');
    default:
      return false;
  }
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a photo read that failed is reported by its own effect
  return { promise, resolve, reject };
}

/**
 * The face path's work in flight, started before the machine asks for it: 照合番号B by the
 * card-face camera beside the certificate read, and the live side (capture, quality, liveness,
 * embedding) beside 照合番号B and the photo read. The machine still sees one step after the
 * other; the runner answers each step from work already under way (the critical path, not the
 * sum). Dropped, and its work aborted, the moment the face path is no longer possible.
 */
interface FacePipeline {
  readonly abort: AbortController;
  readonly signal: AbortSignal;
  /** Secrets inside: a dump of the service shows "[redacted]", not 照合番号B or the photo. */
  keyB?: Promise<{ ok: true; keyB: Secret<string> } | { ok: false; reason: string }>;
  photo?: Deferred<Secret<RgbImage>>;
  /** Resolved when the session enters `capturing`: the patient is asked to look only then. */
  prompted?: Deferred<void>;
  face?: Promise<FaceEvidence>;
}

/** Own time of each stage of a session, ms from its start (logged, never in the result). */
type StageSpans = Record<string, { start: number; end: number }>;

export class SessionService extends EventEmitter<SessionServiceEvents> {
  private st: State = { kind: 'idle' };
  private visualCheck?: { commandId: string; staffId: string };
  /** Held as Secrets: a log, trace or dump of this object shows "[redacted]" (issue 13). */
  private secrets: { keyB?: Secret<string>; pin?: Secret<string> } = {};
  private abort = new AbortController();
  /** Bumped when a session ends: late I/O results of the old session are dropped. */
  private epoch = 0;
  private timer?: NodeJS.Timeout;
  private pipe?: FacePipeline;
  private spans: StageSpans = {};
  /** The verifier's own split of the face check (live capture, reference, comparison), ms. */
  private faceParts?: FaceEvidence['timingsMs'];
  private sessionT0 = 0;
  readonly trace: TraceEntry[] = [];
  /** The last quality guidance of the running capture, for the kiosk. */
  guidance?: QualityIssue;

  constructor(private readonly o: SessionServiceOptions) {
    super();
  }

  get state(): State {
    return this.st;
  }

  get visualCheckMode(): { commandId: string; staffId: string } | undefined {
    return this.visualCheck;
  }

  private context(): Context {
    const s = this.o.settings;
    return {
      now: this.o.now(),
      consents: s.consents,
      faceEnabled: s.faceEnabled,
      pinEnabled: s.pinEnabled,
      visualCheck: this.visualCheck,
      visualCheckOnBlockedPin: s.visualCheckOnBlockedPin,
    };
  }

  dispatch(ev: Event): void {
    const from = this.st;
    const step = transition(from, ev, this.context());
    if (step.state === from && step.effects.length === 0) return;
    this.st = step.state;
    this.trace.push({
      at: this.o.now(),
      event: ev.type,
      from: from.kind,
      to: step.state.kind,
      effects: step.effects.map((e) => e.type),
    });
    if (this.trace.length > TRACE_MAX) this.trace.splice(0, this.trace.length - TRACE_MAX);
    if (!inSession(from) && inSession(step.state) && 's' in step.state) {
      const s = step.state.s;
      this.o.journal(s.id, s.nonce, s.startedAt);
      this.guidance = undefined;
      this.spans = {};
      this.faceParts = undefined;
      this.sessionT0 = performance.now();
      this.o.loopDelay?.reset();
    }
    if (from !== step.state) this.onStateChanged(from);
    for (const e of step.effects) this.perform(e);
  }

  private onStateChanged(from: State): void {
    const st = this.st;
    this.o.log.debug('state', () => ({ from: from.kind, to: st.kind }));
    // Every new state gets its full time, also the next state of the same kind (the next
    // consent question, the PIN again): the timer belongs to this very state object.
    clearTimeout(this.timer);
    if (this.pipe && !faceMayFollow(st)) this.dropFacePipeline();
    const ms = this.o.settings.timeouts[st.kind];
    if (ms !== undefined) {
      this.timer = setTimeout(() => {
        if (this.st === st) this.dispatch({ type: 'timeout' });
      }, ms);
    }
    if ('s' in st) this.o.progress?.(st.s.id, STAGE_OF[st.kind], st.kind);
    this.emit('change', st);
  }

  /** Runs an I/O effect; its outcome becomes the next event unless the session moved on. */
  private io(work: (signal: AbortSignal) => Promise<Event>): void {
    const epoch = this.epoch;
    const signal = this.abort.signal;
    work(signal).then(
      (ev) => {
        if (epoch === this.epoch) this.dispatch(ev);
      },
      (e: unknown) => {
        if (epoch === this.epoch) this.fail(e);
      },
    );
  }

  /** Records the own time of a stage: from its start to its settling, whatever the outcome. */
  private timed<T>(name: string, p: Promise<T>): Promise<T> {
    const t0 = this.sessionT0;
    const start = performance.now() - t0;
    const spans = this.spans;
    const done = (): void => {
      if (this.sessionT0 === t0) spans[name] = { start, end: performance.now() - t0 };
    };
    p.then(done, done);
    return p;
  }

  /** A stage's parts timed by SessionIo itself (the photo's wire read and its decode). */
  private readonly part: StagePart = (name, p) => this.timed(name, p);

  private facePipeline(): FacePipeline {
    if (this.pipe) return this.pipe;
    const abort = new AbortController();
    this.pipe = { abort, signal: AbortSignal.any([this.abort.signal, abort.signal]) };
    return this.pipe;
  }

  /** The face path is over or out: its work still running is cancelled, its results dropped. */
  private dropFacePipeline(): void {
    this.pipe?.abort.abort();
    this.pipe = undefined;
  }

  /** 照合番号B by the card-face camera; started with the certificate read when face is possible. */
  private startKeyB(pipe: FacePipeline): void {
    if (pipe.keyB) return;
    pipe.keyB = this.timed('card-face-read', this.o.io.readCardFaceKey(pipe.signal, this.part)).then((r) =>
      r.ok ? { ok: true, keyB: new Secret(r.keyB) } : r,
    );
    // Awaited only if face goes on; when the patient chose the PIN or left, nobody does, and a
    // failure (camera gone, OCR failed) must not become an unhandled rejection that ends readerd.
    pipe.keyB.catch(() => {});
  }

  /**
   * The live side of the face check, started once face is the method: camera and detector warm
   * up beside 照合番号B and the photo read, the attempt itself waits for the capture screen (an
   * attempt timed from before it could expire before the patient was asked to look).
   */
  private startLiveSide(pipe: FacePipeline): void {
    if (pipe.face) return;
    const photo = pipe.photo ?? deferred<Secret<RgbImage>>();
    pipe.photo = photo;
    const prompted = deferred<void>();
    pipe.prompted = prompted;
    const reference = photo.promise.then((p) => p.reveal());
    reference.catch(() => {});
    const face = this.o.io.verifyFace(
      reference,
      pipe.signal,
      (issue) => {
        this.guidance = issue;
        this.emit('guidance', issue);
      },
      prompted.promise,
    );
    pipe.face = this.timed('face', face);
    // A failure of the live side (the camera) ends the session now, not after the photo read.
    face.catch((e: unknown) => {
      if (this.pipe === pipe && !pipe.signal.aborted && this.st.kind !== 'capturing') this.fail(e);
    });
  }

  /** An I/O failure as the machine's event (the same mapping for every effect). */
  private fail(e: unknown): void {
    const f = outcomeForError(e);
    this.o.log.warn('session step failed', { state: this.st.kind, outcome: f.outcome, error: e as Error });
    this.dispatch(f.event ?? { type: 'io-failed', outcome: f.outcome, detail: f.detail });
  }

  private perform(e: Effect): void {
    const { io } = this.o;
    switch (e.type) {
      case 'read-card':
        this.io(async (signal) => {
          const r = await this.timed('card-read', io.readCard(signal));
          return { type: 'card-read', certificate: r.certificate, pin: r.pin };
        });
        if (this.o.settings.faceEnabled && this.o.pipeline !== false) this.startKeyB(this.facePipeline());
        return;
      case 'read-card-face': {
        const pipe = this.facePipeline();
        this.startKeyB(pipe);
        if (this.o.pipeline !== false) this.startLiveSide(pipe);
        return this.io(async () => {
          const r = await pipe.keyB!;
          if (!r.ok) return { type: 'card-face-unreadable', detail: r.reason };
          this.secrets.keyB = r.keyB;
          return { type: 'card-face-read' };
        });
      }
      case 'read-photo': {
        const pipe = this.facePipeline();
        if (this.o.pipeline !== false) {
          this.startLiveSide(pipe);
          // The kiosk asks the patient to look while the chip photo is read (the reading-photo
          // screen is the capture screen): the live attempt runs beside the card I/O, and only
          // the comparison waits for the photo. Card I/O is wire-bound, the capture CPU-bound.
          pipe.prompted!.resolve();
        } else pipe.photo ??= deferred<Secret<RgbImage>>();
        return this.io(async () => {
          const keyB = this.secrets.keyB;
          this.secrets.keyB = undefined;
          try {
            // Pipelined, the reference embedding starts on the photo as soon as it is decoded, while
            // the rest of the record is read and checked: the comparison is used only after
            // `photo-read` (the machine's `capturing` comes after it), so an unchecked photo
            // decides nothing, and a record that fails its checks ends the session.
            const early =
              this.o.pipeline === false
                ? undefined
                : (p: Promise<RgbImage>): void => {
                    p.then(
                      (img) => pipe.photo!.resolve(new Secret(img)),
                      () => {},
                    );
                  };
            const photo = await this.timed(
              'photo-read',
              io.readPhoto(keyB?.reveal() ?? '', pipe.signal, this.part, early),
            );
            pipe.photo!.resolve(new Secret(photo));
          } catch (err) {
            pipe.photo!.reject(err);
            throw err;
          }
          return { type: 'photo-read' };
        });
      }
      case 'verify-face': {
        const pipe = this.facePipeline();
        this.startLiveSide(pipe);
        // The machine is in `capturing`: the kiosk asks the patient to look now (if not already).
        pipe.prompted!.resolve();
        return this.io(async () => {
          const ev = await pipe.face!;
          this.faceParts = ev.timingsMs;
          return faceEvent(ev);
        });
      }
      case 'read-pin-state':
        return this.io(async (signal) => ({ type: 'pin-state', pin: await io.pinState(signal) }));
      case 'verify-pin':
        return this.io(async () => {
          const pin = this.secrets.pin;
          this.secrets.pin = undefined;
          const r = await io.verifyPin(pin?.reveal() ?? '', e.lastTryConfirmed);
          return { type: 'pin-verified', triesLeftBefore: r.triesLeftBefore };
        });
      case 'sign-evidence':
        return this.io(async () => {
          const digest = pinEvidenceDigest(e.sessionId, e.nonce);
          return { type: 'signed', signature: await io.signDigest(digest), digest };
        });
      case 'publish': {
        const counter = this.o.publish(e.result);
        this.o.log.info('session stages', {
          sessionId: e.result.sessionId,
          method: e.result.method,
          outcome: e.result.outcome,
          stages: roundSpans(this.spans),
          face: this.faceParts && {
            captureMs: Math.round(this.faceParts.capture),
            referenceMs: Math.round(this.faceParts.reference),
            matchMs: Math.round(this.faceParts.match * 10) / 10,
          },
          totalMs: Math.round(performance.now() - this.sessionT0),
          loopDelayP99Ms: this.o.loopDelay && Math.round(this.o.loopDelay.p99Ms() * 10) / 10,
        });
        this.o.log.info('session result', {
          sessionId: e.result.sessionId,
          counter,
          method: e.result.method,
          outcome: e.result.outcome,
          detail: e.result.detail,
        });
        this.emit('result', e.result, counter);
        queueMicrotask(() => this.dispatch({ type: 'published' }));
        return;
      }
      case 'end-session':
        this.epoch++;
        this.dropFacePipeline();
        this.abort.abort();
        this.abort = new AbortController();
        this.secrets = {};
        // Visual check is enabled for one session only (SPEC §8.7).
        if (this.visualCheck && 's' in this.st && this.st.s.method === 'visual-check')
          this.visualCheck = undefined;
        return;
      case 'notice':
        this.emit('notice', e.code);
        return;
    }
  }

  cardPlaced(): void {
    this.dispatch({ type: 'card-placed', sessionId: this.o.newId() });
  }

  cardRemoved(): void {
    this.dispatch({ type: 'card-removed' });
  }

  /** Patient input from the kiosk or the panel; false when it does not apply now. */
  patient(input: PatientInput): boolean {
    const st = this.st;
    const before = st;
    switch (input.type) {
      case 'choose':
        this.dispatch({ type: 'method-chosen', method: input.method });
        break;
      case 'pin':
        if (st.kind !== 'entering-pin' || !/^\d{4}$/.test(input.pin)) return false;
        this.secrets.pin = new Secret(input.pin);
        this.dispatch({ type: 'pin-entered' });
        break;
      case 'confirm-last-try':
        this.dispatch({ type: 'last-try-confirmed' });
        break;
      case 'consent':
        this.dispatch({ type: 'consent', granted: input.granted });
        break;
      case 'cancel':
        if (!inSession(st)) return false;
        this.dispatch({ type: 'cancel', by: 'patient' });
        break;
    }
    return this.st !== before;
  }

  startByTerminal(nonce: Uint8Array): string | undefined {
    if (inSession(this.st)) return undefined;
    const sessionId = this.o.newId();
    this.dispatch({ type: 'start-command', sessionId, nonce: toHex(nonce) });
    return sessionId;
  }

  cancelByTerminal(sessionId: string): boolean {
    const st = this.st;
    if (!inSession(st) || !('s' in st) || (sessionId && st.s.id !== sessionId)) return false;
    this.dispatch({ type: 'cancel', by: 'terminal' });
    return true;
  }

  setVisualCheckMode(mode: { commandId: string; staffId: string } | undefined): void {
    this.visualCheck = mode;
    this.emit('change', this.st);
  }

  visualCheckDecision(sessionId: string, confirmed: boolean, staffId: string): boolean {
    const st = this.st;
    if (st.kind !== 'awaiting-visual-check' || (sessionId && st.s.id !== sessionId) || !this.visualCheck)
      return false;
    this.dispatch({
      type: 'visual-check-decision',
      confirmed,
      staffId,
      commandId: this.visualCheck.commandId,
    });
    return true;
  }

  /** Ends a running session (shutdown): the patient's session gets its result. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    if (inSession(this.st) && this.st.kind !== 'publishing')
      this.dispatch({
        type: 'io-failed',
        outcome: 'interrupted',
        detail: 'readerd was stopped during the session',
      });
    // The result is published; now cancel the card I/O still running down to the wire (the
    // PN532's ACK abort) before the appliance closes the module under it (issue 13).
    this.epoch++;
    this.dropFacePipeline();
    this.abort.abort();
    this.abort = new AbortController();
    await new Promise((r) => setImmediate(r));
    clearTimeout(this.timer);
  }
}

function roundSpans(spans: StageSpans): Record<string, { start: number; end: number }> {
  const out: Record<string, { start: number; end: number }> = {};
  for (const [k, v] of Object.entries(spans)) out[k] = { start: Math.round(v.start), end: Math.round(v.end) };
  return out;
}

function faceEvent(ev: FaceEvidence): Event {
  const proof: FaceProof = {
    score: ev.score,
    threshold: ev.threshold,
    matcher: ev.matcher,
    attempts: ev.attempts,
    liveness: ev.liveness && {
      passed: ev.liveness.passed,
      challenge: ev.liveness.challenge,
      score: ev.liveness.score,
      threshold: ev.liveness.threshold,
      frames: ev.liveness.frames,
      checksPassed: ev.liveness.checksPassed,
      ...(ev.liveness.reason === undefined ? {} : { reason: ev.liveness.reason }),
      ...(ev.liveness.passive === undefined
        ? {}
        : { passiveScore: ev.liveness.passive.score, passiveThreshold: ev.liveness.passive.threshold }),
    },
  };
  switch (ev.outcome) {
    case 'verified':
      return { type: 'face-verified', proof };
    case 'liveness-failed':
      return { type: 'face-failed', proof, why: 'liveness-failed' };
    case 'not-matched':
    case 'timed-out':
      return { type: 'face-failed', proof, why: 'face-not-matched' };
    case 'no-reference-face':
      return { type: 'io-failed', outcome: 'card-error', detail: 'no face found in the chip photo' };
    case 'cancelled':
      return { type: 'cancel', by: 'patient' };
  }
}
