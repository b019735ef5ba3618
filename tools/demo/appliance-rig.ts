// A whole appliance on this machine: emulated hardware, readerd in its own process on it with
// the embedded broker (or a given one), and the reference terminal. Used by `npm start`, the
// end-to-end tests, the benchmarks and the conformance kit's reference device, all with
// liveness required and the emulator's live subject at the face camera (issue 15).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addTrusted, createKeyFile, loadKeyFile, loadTrustDir } from '../../platform/keys/keystore.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import { createLogger } from '../../platform/log.js';
import {
  type CardModuleKind,
  EmulatedHardware,
  type PluggableDevice,
} from '../../sim/appliance/emulated-hardware.js';
import { EmulatedPatient } from '../../sim/appliance/patient.js';
import { holderFor, type ProfileName } from '../../sim/card/card-profiles.js';
import { MyNumberCard } from '../../sim/card/mynumber-emulator.js';
import type { ResultRecord } from '../terminal/result-json.js';
import { ReferenceTerminal } from '../terminal/terminal.js';
import { serveBench } from './bench-server.js';

export const READERD_BIN = join(import.meta.dirname, '..', '..', 'bin', 'readerd.mjs');
const SIM_APPLIANCE = join(import.meta.dirname, '..', '..', 'sim', 'appliance');
/** The emulated appliance's composition root: readerd's services with the CCID emulator's bus. */
const EMULATED_READERD = join(SIM_APPLIANCE, 'emulated-readerd.ts');
/** The misbehaving reference appliance's composition root (the kit's can-fail proof). */
const FAULTY_READERD = join(SIM_APPLIANCE, 'faulty-readerd.ts');
/** tsx's loader, for the emulated roots that are not shipped executables (no bin/ entry). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** Runs a root from readerd's build (plain JS, no tsx in any thread), as bin/readerd.mjs runs readerd. */
const BUILD_RUNNER = join(import.meta.dirname, '..', '..', 'bin', 'build.mjs');

/** A loopback port free right now (the kernel's choice), for a server started next. */
export async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  await once(s, 'close');
  return port;
}

export interface RigOptions {
  readonly dir: string;
  readonly deviceId?: string;
  /** mqtt://… of a broker to use; default: readerd's embedded broker. */
  readonly brokerUrl?: string;
  readonly baudRate?: number;
  /** Extra settings merged into readerd's configuration (session, kiosk, …). */
  readonly config?: Record<string, unknown>;
  /**
   * Faults of the misbehaving reference appliance (sim/faults/reader-faults.ts): with any, the
   * rig runs sim/appliance/faulty-readerd.ts instead of readerd.
   */
  readonly faults?: readonly string[];
  /** The card module readerd runs with (default pn532); `useCardModule` changes it. */
  readonly cardModule?: CardModuleKind;
  readonly onLog?: (line: string) => void;
  /** Devices configured but absent when readerd starts (`hw.plug()` brings them). */
  readonly absent?: readonly PluggableDevice[];
  /** false: no reference terminal (the conformance kit plays the terminal). */
  readonly terminal?: boolean;
  /**
   * false: the reader and the terminal get keys but not each other's (no files copied into
   * the trust folders): they are to be paired (SPEC §15, test/fleet/pairing-readerd.test.ts).
   */
  readonly trust?: boolean;
  /**
   * `required` (default): the emulator's live subject (or an attack) in front of the face
   * camera (--face-scene) and the reader's random liveness challenge, as the appliance runs.
   * `off`, or `session.liveness: off` in `config`: the face match alone (--match-only) on the
   * still-image camera — only for a bench that wants the match alone (tools/bench/session.bench.ts).
   */
  readonly liveness?: 'required' | 'off';
  /**
   * The emulated face camera on the wall clock (--face-realtime: newest frame, stale ones
   * dropped, the person's clock the wall clock), as a bench measures; default its frames' clock
   * (every frame in order: the same run on a loaded machine).
   */
  readonly faceRealtime?: boolean;
  /**
   * Seeds the liveness challenge's randomness: a test's sessions then meet the same challenges
   * in every run (test/helpers/rig-seed.ts). Default: the platform's CSPRNG, as the appliance.
   */
  readonly challengeSeed?: number;
  /** The face stages one after another (--sequential): the session bench's baseline. */
  readonly sequential?: boolean;
  /**
   * The emulated root from readerd's build (bin/build.mjs), as the appliance runs readerd, not
   * through tsx. Default: FAREADER_BUILT=1 in the environment (`npm run bench` sets it).
   */
  readonly built?: boolean;
  /** readerd's OCR worker ends after this long without a read (--ocr-idle-ms); default 10 min. */
  readonly ocrIdleMs?: number;
}

/**
 * The liveness challenge the rig's readerd draws: the reader's random challenge with two steps
 * instead of three and prompts due sooner, so a session takes a few seconds of camera time less;
 * the response windows are the reader's own. A test's `session` settings override these.
 */
export const RIG_CHALLENGE = {
  challenge: 'random',
  challengeSteps: 2,
  challengeTiming: { gapMinMs: 300, gapMaxMs: 1500 },
} as const;

export class ApplianceRig {
  readerd?: ChildProcess;
  readonly lines: string[] = [];
  kioskUrl = '';
  terminal!: ReferenceTerminal;
  patient!: EmulatedPatient;
  readonly deviceId: string;
  readonly configFile: string;
  private readonly keyDir: string;
  private brokerUrl = '';
  private benchServer?: Server;
  /** Results verified by the terminal, by session id. */
  readonly results = new Map<string, ResultRecord>();
  /** Every result the terminal accepted, in arrival order (duplicates are not accepted). */
  readonly received: ResultRecord[] = [];
  private readonly resultWaiters = new Set<(rec: ResultRecord) => void>();
  /** The configuration asked for `session.liveness: off` (the session bench): --match-only. */
  private matchOnly = false;

  private constructor(
    readonly o: RigOptions,
    readonly hw: EmulatedHardware,
  ) {
    this.deviceId = o.deviceId ?? 'demo-reader';
    this.keyDir = join(o.dir, 'keys');
    this.configFile = join(o.dir, 'readerd.json');
    hw.cardModule = o.cardModule ?? 'pn532';
  }

  /** The card module readerd runs with now. */
  get cardModule(): CardModuleKind {
    return this.hw.cardModule;
  }

  /** Refits the appliance with the other card module: readerd restarts on it. */
  async useCardModule(kind: CardModuleKind): Promise<void> {
    if (kind === this.hw.cardModule) return;
    await this.stopReaderd();
    this.hw.cardModule = kind;
    await this.startReaderd();
  }

  static async start(o: RigOptions): Promise<ApplianceRig> {
    mkdirSync(o.dir, { recursive: true });
    const hw = await EmulatedHardware.start({
      dir: join(o.dir, 'hw'),
      panel: true,
      debugShell: true,
      absent: o.absent,
    });
    const rig = new ApplianceRig(o, hw);
    rig.provision();
    await rig.startReaderd();
    if (o.terminal === false) return rig;
    rig.terminal = new ReferenceTerminal({
      terminalId: 'terminal-1',
      broker: { url: rig.brokerUrl },
      key: loadKeyFile(join(rig.keyDir, 'terminal.key')),
      trustedDevices: loadTrustDir(join(rig.keyDir, 'trusted-devices')),
      dataDir: join(o.dir, 'terminal'),
      outDir: join(o.dir, 'terminal', 'results'),
      log: createLogger('terminal', { level: 'warn', format: 'pretty' }),
      connect: connectMqtt,
    });
    rig.terminal.on('result', (rec: ResultRecord) => {
      rig.results.set(rec.sessionId, rec);
      rig.received.push(rec);
      for (const w of rig.resultWaiters) w(rec);
    });
    await rig.terminal.start();
    return rig;
  }

  private provision(): void {
    const k = this.keyDir;
    mkdirSync(k, { recursive: true });
    for (const name of ['device.key', 'terminal.key'])
      if (!existsSync(join(k, name))) createKeyFile(join(k, name));
    if (this.o.trust === false) return;
    addTrusted(join(k, 'trusted-devices'), this.deviceId, loadKeyFile(join(k, 'device.key')).publicKey);
    addTrusted(join(k, 'trusted-terminals'), 'terminal-1', loadKeyFile(join(k, 'terminal.key')).publicKey);
  }

  /** Starts (or restarts) readerd; resolves when it logs "ready". */
  async startReaderd(): Promise<void> {
    const embeddedPort = this.brokerUrl ? Number(new URL(this.brokerUrl).port) : await freePort();
    if (!this.brokerUrl) this.brokerUrl = this.o.brokerUrl ?? `mqtt://127.0.0.1:${embeddedPort}`;
    const kioskPort = this.kioskUrl ? Number(new URL(this.kioskUrl).port) : await freePort();
    const asked = { ...((this.o.config?.session as Record<string, unknown>) ?? {}) };
    // `liveness: off` is no reader setting: a caller asking for it gets the bench's match alone.
    if (asked.liveness === 'off') {
      this.matchOnly = true;
      delete asked.liveness;
    }
    // The scene camera's subject is built from landmarks the rig finds, not readerd (issue 17).
    if ((this.o.liveness ?? 'required') === 'required' && !this.matchOnly) this.hw.landmarksInScene();
    const session = {
      ...RIG_CHALLENGE,
      attemptTimeoutMs: 3000,
      patientTimeoutMs: 60_000,
      doneScreenMs: 3000,
      ...asked,
    };
    writeFileSync(
      this.configFile,
      JSON.stringify(
        {
          deviceId: this.deviceId,
          dataDir: 'data',
          keys: { deviceKey: 'keys/device.key', trustedTerminalsDir: 'keys/trusted-terminals' },
          broker: this.o.brokerUrl ? { url: this.o.brokerUrl } : { url: 'embedded', embeddedPort },
          link: { ackTimeoutMs: 2000 },
          log: { level: 'info', format: 'json' },
          ...this.hw.config(this.o.baudRate ?? 921600),
          ...this.o.config,
          // Without a loudspeaker the rig is muted unless a test asks for voice (on ALSA's null device).
          kiosk: { port: kioskPort, voice: { mute: true }, ...((this.o.config?.kiosk as object) ?? {}) },
          session,
        },
        null,
        2,
      ),
    );
    const proc = spawn(process.execPath, this.readerdCommand(), {
      stdio: ['ignore', 'pipe', 'pipe'],
      // As readerd's unit runs it (hardware/systemd/fareader-readerd.service).
      env: {
        ...process.env,
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
        UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
      },
    });
    this.readerd = proc;
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const isReady = new Promise<void>((res, rej) => {
      ready = res;
      failed = rej;
    });
    const onData = (d: Buffer): void => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        this.lines.push(line);
        this.o.onLog?.(line);
        if (/"msg":"ready"/.test(line)) ready();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) =>
      failed(new Error(`readerd exited (${code}) before it was ready:\n${this.lines.slice(-5).join('\n')}`)),
    );
    await isReady;
    this.kioskUrl = `http://127.0.0.1:${kioskPort}/`;
    this.patient = new EmulatedPatient(this.hw, this.kioskUrl);
  }

  /**
   * readerd itself on the PN532 (a pty, as on the appliance); the emulated appliance's root on
   * the CCID reader (its USB bus is in this process); the misbehaving root when faults are asked.
   */
  private readerdCommand(): string[] {
    const faults = this.o.faults ?? [];
    // The live face camera and the match alone are the emulated roots' seams, not readerd's.
    const live = (this.o.liveness ?? 'required') === 'required' && !this.matchOnly;
    const seams = [
      '--usb',
      this.hw.usbSocket,
      ...(live ? ['--face-scene', this.hw.faceScene] : ['--match-only']),
      ...(live && this.o.faceRealtime ? ['--face-realtime'] : []),
      ...(this.o.challengeSeed === undefined ? [] : ['--challenge-seed', String(this.o.challengeSeed)]),
      ...(this.o.sequential ? ['--sequential'] : []),
      ...(this.o.ocrIdleMs === undefined ? [] : ['--ocr-idle-ms', String(this.o.ocrIdleMs)]),
    ];
    if (faults.length) {
      const args = faults.flatMap((f) => ['--fault', f]);
      return ['--import', TSX_LOADER, FAULTY_READERD, '-c', this.configFile, ...seams, ...args];
    }
    if (this.o.built ?? process.env.FAREADER_BUILT === '1')
      return [BUILD_RUNNER, '--run', 'sim/appliance/emulated-readerd.ts', '-c', this.configFile, ...seams];
    return ['--import', TSX_LOADER, EMULATED_READERD, '-c', this.configFile, ...seams];
  }

  /** The broker readerd and the terminal use. */
  get brokerAddress(): string {
    return this.brokerUrl;
  }

  /** The terminal's verified result for a session (already received, or when it comes). */
  result(sessionId: string, timeoutMs = 60_000): Promise<ResultRecord> {
    const have = this.results.get(sessionId);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.resultWaiters.delete(on);
        reject(new Error(`no result for session ${sessionId} at the terminal within ${timeoutMs} ms`));
      }, timeoutMs);
      const on = (rec: ResultRecord): void => {
        if (rec.sessionId !== sessionId) return;
        clearTimeout(t);
        this.resultWaiters.delete(on);
        resolve(rec);
      };
      this.resultWaiters.add(on);
    });
  }

  /** SIGKILL: no shutdown, no death message, no flush — a power cut. */
  async killReaderd(): Promise<void> {
    const p = this.readerd;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    p.kill('SIGKILL');
    await once(p, 'exit');
  }

  async stopReaderd(): Promise<number | null> {
    const p = this.readerd;
    if (!p || p.exitCode !== null || p.signalCode !== null) return p?.exitCode ?? null;
    p.kill('SIGTERM');
    const [code] = await once(p, 'exit');
    return code as number | null;
  }

  /** A card in the emulated wallet: fresh counters each time it is made. */
  async card(cardId: string, profile: ProfileName, photo: string): Promise<MyNumberCard> {
    const stateDir = join(this.o.dir, 'cards');
    rmSync(join(stateDir, 'cards', cardId, 'counters.json'), { force: true });
    return MyNumberCard.create({ stateDir, cardId, profile, holder: holderFor(cardId, photo) });
  }

  /** Serves the bench control port (tools/demo/bench-server.ts); returns its URL. */
  async serveBench(port = 0): Promise<string> {
    const b = await serveBench(this, port);
    this.benchServer = b.server;
    return b.url;
  }

  async close(): Promise<void> {
    this.benchServer?.close();
    await this.terminal?.stop().catch(() => {});
    await this.stopReaderd().catch(() => {});
    await this.hw.close();
  }
}
