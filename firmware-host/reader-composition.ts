// readerd composed from its configuration and its seams: the outbox database, the embedded
// broker, the device link, the link self-test and the appliance. Every executable that runs a
// reader calls this: readerd's main with the real USB bus, the emulated appliance with an
// emulated one, the conformance kit's misbehaving reference appliance with decorated seams.
// Nothing here knows which; what differs is only what the seams hand in.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import type { HardwareIdentity } from '../platform/boards/hardware-identity.js';
import { packageVersion } from '../platform/cli.js';
import { opensslEd25519 } from '../platform/keys/ed25519-openssl.js';
import { type EnvelopeSealer, keySealer } from '../platform/keys/envelope-sealer.js';
import { loadKeyFile, loadTrustDir } from '../platform/keys/keystore.js';
import type { MqttClientFactory } from '../platform/link/mqtt-client.js';
import type { Logger } from '../platform/log.js';
import { ensurePrivateDir } from '../platform/private-files.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { fareader } from '../protocol/gen/fareader.js';
import { keyIdHex } from '../protocol/link/keys.js';
import { type Appliance, type ApplianceSeams, startAppliance, visionOptionsOf } from './appliance.js';
import type { ReaderConfig } from './config.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './link/broker.js';
import { DeviceLink, type DeviceLinkOptions } from './link/device-link.js';
import { type LinkOutbox, Outbox } from './link/outbox.js';
import { PairingWindow, trustIntoFolder } from './link/pairing-window.js';
import { LinkTestService } from './link-test.js';
import { reportMemoryOnSignal } from './memory-report.js';
import type { SessionService } from './session/session-service.js';
import { StartTrace } from './start-trace.js';
import { type VisionWorkers, visionWorkers } from './vision/vision-workers.js';

/** What the device link is built from: the broker client, the sealer, the durable outbox. */
export interface LinkParts {
  readonly connect: MqttClientFactory;
  readonly sealer: EnvelopeSealer;
  readonly outbox: LinkOutbox;
}

export interface ReaderSeams extends ApplianceSeams {
  /** The USB bus a CCID card module is found on (readerd: the `usb` package's WebUSB). */
  readonly usbBus: () => UsbBusLike;
  /** Builds the broker client (readerd: the real MQTT.js client). */
  readonly connect: MqttClientFactory;
  /** The link's parts as composed here (key sealer, SQLite outbox); a root may decorate them. */
  readonly linkParts?: (parts: LinkParts) => LinkParts;
  /** What the reader's birth says it is (SPEC 3.7): readerd reads the board; sim says emulated. */
  readonly hardware: (config: ReaderConfig) => HardwareIdentity;
  /** Called with the running session service before the reader reports ready. */
  readonly onSessionService?: (service: SessionService) => void;
}

export interface RunningReader {
  readonly link: DeviceLink;
  readonly outbox: LinkOutbox;
  readonly linkTest: LinkTestService;
  readonly appliance?: Appliance;
  readonly broker?: EmbeddedBroker;
  /** Pairing with a terminal (SPEC §15): opened from the debug shell or the staff screen. */
  readonly pairing: PairingWindow;
  /** Ends the running session (its result stored), flushes the link, closes everything. */
  stop(why: string): Promise<void>;
}

/** Builds and starts the reader; resolves once it has logged "ready". */
export async function composeReader(
  config: ReaderConfig,
  seams: ReaderSeams,
  log: Logger,
  t0 = performance.now(),
): Promise<RunningReader> {
  // The vision workers built first, their models loaded once the reader is ready (composeAround):
  // loading them on two cores beside the start took its CPU, and nothing before ready needs them.
  const vision = config.appliance ? visionWorkers(visionOptionsOf(config.appliance, seams, log)) : undefined;
  try {
    return await composeAround(config, seams, log, t0, vision);
  } catch (e) {
    await vision?.close().catch(() => undefined);
    throw e;
  }
}

async function composeAround(
  config: ReaderConfig,
  seams: ReaderSeams,
  log: Logger,
  t0: number,
  vision: VisionWorkers | undefined,
): Promise<RunningReader> {
  const trace = new StartTrace();
  trace.mark('main', t0);
  const key = loadKeyFile(config.keys.deviceKey);
  const hardware = seams.hardware(config);
  const trustedTerminals = loadTrustDir(config.keys.trustedTerminalsDir);
  if (trustedTerminals.size === 0) {
    log.warn('no trusted terminal keys: every command and acknowledgement will be refused', {
      dir: config.keys.trustedTerminalsDir,
    });
  }
  ensurePrivateDir(config.dataDir, 'dataDir');
  const composed: LinkParts = {
    connect: seams.connect,
    sealer: keySealer(key, opensslEd25519),
    outbox: new Outbox(join(config.dataDir, 'outbox.sqlite')),
  };
  const parts = seams.linkParts ? seams.linkParts(composed) : composed;
  trace.mark('keys, outbox');
  const { outbox } = parts;

  let broker: EmbeddedBroker | undefined;
  // The broker starts before the link exists; refusals before then are not counted.
  let noteRefusal: (what: string, clientId: string, detail: string) => void = () => {};
  // Created with the link below; the broker asks it whether a pairing window is open.
  let pairing: PairingWindow | undefined;
  if (config.broker.url === 'embedded') {
    // Only the reader and its trusted terminals, with their key-bound passwords (SPEC §13).
    // Refusals are counted with the link's rejections (/healthz, the summary line).
    broker = await startEmbeddedBroker({
      port: config.broker.embeddedPort,
      authority: {
        deviceId: config.deviceId,
        devicePublicKey: key.publicKey,
        trustedTerminals,
        pairingOpen: () => pairing?.isOpen === true,
        // Node's OpenSSL, not tweetnacl's pure JS (19 ms a password cold, measured).
        ed: opensslEd25519,
      },
      onRefused: (what, clientId, detail) => noteRefusal(what, clientId, detail),
    }).catch((e: Error) => {
      // A port another process holds: the link's failure (exit 4), one line, not a stack.
      outbox.close();
      throw new ReaderError(
        ErrorCode.Mqtt_NotConnected,
        `the embedded broker cannot listen on 127.0.0.1:${config.broker.embeddedPort}: ${e.message}`,
        {},
        { cause: e },
      );
    });
    log.info('embedded broker listening', { url: broker.url, auth: 'key-bound passwords and ACL' });
    trace.mark('broker');
  }
  const linkOptions: DeviceLinkOptions = {
    deviceId: config.deviceId,
    broker: { ...config.broker, url: broker?.url ?? config.broker.url },
    key,
    trustedTerminals,
    ...parts,
    firmwareVersion: packageVersion(),
    hardware,
    capabilities: config.appliance ? ['session', 'face', 'pin', 'visual-check', 'link-test'] : ['link-test'],
    log: log.child('link'),
    commandWindowMs: config.link.commandWindowMs,
    ackTimeoutMs: config.link.ackTimeoutMs,
    inflightWindow: config.link.inflightWindow,
  };
  const link = new DeviceLink(linkOptions);
  noteRefusal = (what, clientId, detail) => link.noteBrokerRefusal(what, clientId, detail);
  const window = new PairingWindow({
    deviceId: config.deviceId,
    key,
    listen: (on) => link.listenPairing(on),
    send: (bytes) => link.publishPairing(bytes),
    // The key file in the trust folder, and the live map the link and the broker consult.
    trust: trustIntoFolder(config.keys.trustedTerminalsDir, trustedTerminals),
    random: (n) => new Uint8Array(randomBytes(n)),
    log: log.child('pairing'),
  });
  pairing = window;
  // Outside a window a pairing connection has no rights; a second later it is closed too
  // (the grace lets the device's last pairing message reach it).
  let drop: NodeJS.Timeout | undefined;
  window.on('change', () => {
    clearTimeout(drop);
    if (!window.isOpen) drop = setTimeout(() => broker?.dropPairingClients(), 1000).unref();
  });
  // A new window starts with no pairing connection of an earlier one, nor its pairing ids.
  window.on('open', () => broker?.dropPairingClients());
  const linkTest = new LinkTestService(link);
  link.onCommand = linkTest.onCommand;
  if (config.appliance) {
    link.onCommand = () => ({
      status: fareader.v1.ResponseStatus.RESPONSE_STATUS_BUSY,
      detail: 'the reader is starting',
    });
  }

  const [appliance] = await Promise.all([
    config.appliance
      ? startAppliance(
          config.appliance,
          link,
          log,
          seams,
          Date.now,
          config.dataDir,
          { deviceId: config.deviceId, keyId: keyIdHex(key.publicKey), pairing: window, hardware },
          vision,
          trace,
        )
      : undefined,
    trace.step('link', link.start()),
  ]);
  if (appliance) seams.onSessionService?.(appliance.service);
  log.info('ready', {
    deviceId: config.deviceId,
    keyId: keyIdHex(key.publicKey),
    cardModule: appliance?.module.module.name,
    startupMs: Math.round(performance.now() - t0),
    // When each step ended, ms since the process started: where a slow start went.
    steps: { ...trace.steps(), ready: Math.round(performance.now()) },
    connected: link.connected,
    outboxPending: outbox.pendingCount,
    lastCounter: outbox.lastCounter,
    broker: broker?.url ?? config.broker.url,
  });
  // Now, not before: a session that came meanwhile (a card on the tray at boot) has started the
  // load already and waits for it; this one joins it.
  void vision?.load();
  const stopMemoryReport = reportMemoryOnSignal(vision, log);

  return {
    link,
    outbox,
    linkTest,
    appliance,
    broker,
    pairing: window,
    stop: async (why) => {
      log.info('stopping', { why, pending: outbox.pendingCount });
      stopMemoryReport();
      window.close();
      linkTest.stop();
      // The running session ends first, so its result is in the outbox before the link flushes.
      await appliance?.stop();
      await link.stop();
      await broker?.close();
      outbox.close();
      log.info('stopped');
    },
  };
}
