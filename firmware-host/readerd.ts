// readerd: the appliance service. Composition root: the only place that constructs the
// broker, the MQTT client, the outbox database and the clock.
import { join } from 'node:path';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { fareader } from '../protocol/gen/fareader.js';
import { keyIdHex } from '../protocol/link/keys.js';
import { withLinkFaults } from '../sim/faults/link-faults.js';
import { startAppliance } from './appliance.js';
import { packageVersion, parseCli, positiveInt, reportError, untilStopped } from './cli.js';
import { loadConfig } from './config.js';
import { type EmbeddedBroker, startEmbeddedBroker } from './link/broker.js';
import { DeviceLink } from './link/device-link.js';
import { opensslEd25519 } from './link/ed25519-openssl.js';
import { keySealer } from './link/envelope-sealer.js';
import { loadKeyFile, loadTrustDir } from './link/keystore.js';
import { connectMqtt } from './link/mqtt-client.js';
import { Outbox } from './link/outbox.js';
import { ensurePrivateDir } from './link/private-files.js';
import { LinkTestService } from './link-test.js';
import { createLogger } from './log.js';
import { systemdNotifier } from './systemd-notify.js';

const HELP = `Usage: readerd --config FILE [options]

The face-authentication card reader service. With the appliance settings (card module,
cameras, session, kiosk, panel, debug shell; see README "The appliance part") it runs the
patient sessions — face, PIN, visual check, consents — shows the kiosk page on 127.0.0.1, and
publishes each signed result to the clinic terminal over MQTT through a durable outbox.
Without them it is a link-only reader (self-test results).

Options:
  -c, --config FILE            configuration file (JSON); see README "Configuration"
      --link-test-results N    produce N link self-test results (link_test=true) and keep running
      --link-test-interval MS  pause between link self-test results (default 100)
      --exit-when-flushed      with --link-test-results: stop once every result is acknowledged
      --test-faults            accept $.testFaults (the conformance kit's self-test; never in service)
  -h, --help                   show this help
  -V, --version                show the version

Signals: SIGTERM/SIGINT stop cleanly: a running session ends with a result (INTERRUPTED),
acknowledgements are awaited up to 2 s, the death is published. Under systemd (NOTIFY_SOCKET)
readerd reports READY, WATCHDOG and STOPPING.
Exit codes: 0 ok, 2 usage, 3 configuration or key error, 1 other failure.`;

export async function main(argv: string[]): Promise<number> {
  const t0 = performance.now();
  const { values } = parseCli(argv, {
    config: { type: 'string', short: 'c' },
    'link-test-results': { type: 'string' },
    'link-test-interval': { type: 'string' },
    'exit-when-flushed': { type: 'boolean' },
    'test-faults': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  });
  if (values.help || values.version) {
    process.stdout.write(values.help ? `${HELP}\n` : `readerd ${packageVersion()}\n`);
    return 0;
  }
  if (!values.config) throw new ReaderError(ErrorCode.Usage, '--config FILE is required');
  const testCount = positiveInt(values['link-test-results'], '--link-test-results', 0);
  const testInterval = positiveInt(values['link-test-interval'], '--link-test-interval', 100);

  const config = loadConfig(values.config);
  const log = createLogger('readerd', { level: config.log.level, format: config.log.format });
  const faults = Object.entries(config.testFaults)
    .filter(([, on]) => on)
    .map(([f]) => f);
  if (faults.length && !values['test-faults'])
    throw new ReaderError(
      ErrorCode.Config_Invalid,
      `$.testFaults (${faults.join(', ')}) needs --test-faults: never on a reader in service`,
    );
  if (faults.length) log.warn('TEST FAULTS ACTIVE: this reader misbehaves on purpose', { faults });
  const key = loadKeyFile(config.keys.deviceKey);
  const trustedTerminals = loadTrustDir(config.keys.trustedTerminalsDir);
  if (trustedTerminals.size === 0) {
    log.warn('no trusted terminal keys: every command and acknowledgement will be refused', {
      dir: config.keys.trustedTerminalsDir,
    });
  }
  ensurePrivateDir(config.dataDir);
  // Transitional: the kit's misbehaving reader is composed here until it has its own root.
  const seams = withLinkFaults(config.testFaults, {
    connect: connectMqtt,
    sealer: keySealer(key, opensslEd25519),
    outbox: new Outbox(join(config.dataDir, 'outbox.sqlite')),
  });
  const { outbox } = seams;

  let broker: EmbeddedBroker | undefined;
  // The broker starts before the link exists; refusals before then are not counted.
  let noteRefusal: (what: string, clientId: string, detail: string) => void = () => {};
  if (config.broker.url === 'embedded') {
    // Only the reader and its trusted terminals, with their key-bound passwords (SPEC §13).
    // Refusals are counted with the link's rejections (/healthz, the summary line).
    broker = await startEmbeddedBroker({
      port: config.broker.embeddedPort,
      authority: { deviceId: config.deviceId, devicePublicKey: key.publicKey, trustedTerminals },
      onRefused: (what, clientId, detail) => noteRefusal(what, clientId, detail),
    });
    log.info('embedded broker listening', { url: broker.url, auth: 'key-bound passwords and ACL' });
  }
  const link = new DeviceLink({
    deviceId: config.deviceId,
    broker: { ...config.broker, url: broker?.url ?? config.broker.url },
    key,
    trustedTerminals,
    firmwareVersion: packageVersion(),
    capabilities: config.appliance ? ['session', 'face', 'pin', 'visual-check', 'link-test'] : ['link-test'],
    log: log.child('link'),
    commandWindowMs: config.link.commandWindowMs,
    ackTimeoutMs: config.link.ackTimeoutMs,
    inflightWindow: config.link.inflightWindow,
    ...seams,
  });
  noteRefusal = (what, clientId, detail) => link.noteBrokerRefusal(what, clientId, detail);
  const linkTest = new LinkTestService(link);
  link.onCommand = linkTest.onCommand;
  if (config.appliance) {
    link.onCommand = () => ({
      status: fareader.v1.ResponseStatus.RESPONSE_STATUS_BUSY,
      detail: 'the reader is starting',
    });
  }

  let signalled = false;
  const signal = untilStopped().then(() => {
    signalled = true;
  });
  const stop = async (why: string): Promise<void> => {
    log.info('stopping', { why, pending: outbox.pendingCount });
    linkTest.stop();
    // The running session ends first, so its result is in the outbox before the link flushes.
    await appliance?.stop();
    await link.stop();
    await broker?.close();
    outbox.close();
    log.info('stopped');
  };

  const [appliance] = await Promise.all([
    config.appliance ? startAppliance(config.appliance, link, log, config.testFaults) : undefined,
    link.start(),
  ]);
  log.info('ready', {
    deviceId: config.deviceId,
    keyId: keyIdHex(key.publicKey),
    startupMs: Math.round(performance.now() - t0),
    connected: link.connected,
    outboxPending: outbox.pendingCount,
    lastCounter: outbox.lastCounter,
    broker: broker?.url ?? config.broker.url,
  });

  const notifier = systemdNotifier(log);
  notifier.ready(`ready: ${config.deviceId}${appliance?.kioskUrl ? `, kiosk ${appliance.kioskUrl}` : ''}`);

  if (testCount > 0) {
    await Promise.race([linkTest.produce(testCount, testInterval), signal]);
    log.info('link self-test results queued', { count: testCount, lastCounter: outbox.lastCounter });
  }
  if (values['exit-when-flushed']) {
    while (!signalled && outbox.pendingCount > 0) await new Promise((r) => setTimeout(r, 50));
  } else await signal;
  notifier.stopping();
  await stop(signalled ? 'signal' : 'flushed');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'readerd')),
);
