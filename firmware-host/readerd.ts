// readerd: the appliance service on real hardware. Its composition root: the command line, the
// configuration, the real USB bus and MQTT client, systemd, signals; reader-composition.ts
// builds the rest.
import { WebUSB } from 'usb';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import { packageVersion, parseCli, positiveInt, reportError, untilStopped } from '../platform/cli.js';
import { connectMqtt } from '../platform/link/mqtt-client.js';
import { createLogger } from '../platform/log.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { loadConfig } from './config.js';
import { composeReader } from './reader-composition.js';
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
  // A signal during start-up is honoured once the reader is up (its stop needs the parts).
  let signalled = false;
  const signal = untilStopped().then(() => {
    signalled = true;
  });

  // The real hardware: CCID readers on this machine's USB bus (udev rules grant the access).
  const reader = await composeReader(
    config,
    { usbBus: () => new WebUSB({ allowAllDevices: true }) as unknown as UsbBusLike, connect: connectMqtt },
    log,
    t0,
  );
  const { linkTest, outbox, appliance } = reader;

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
  await reader.stop(signalled ? 'signal' : 'flushed');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'readerd')),
);
