// readerd: the appliance service on real hardware. Its composition root: the command line, the
// configuration, the real USB bus and MQTT client, systemd, signals; reader-composition.ts
// builds the rest.
import { WebUSB } from 'usb';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import { packageVersion, positiveInt, reportError, untilStopped } from '../platform/cli.js';
import { helpText, parseCommand } from '../platform/cli-spec.js';
import { connectMqtt } from '../platform/link/mqtt-client.js';
import { createLogger } from '../platform/log.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { loadConfig } from './config.js';
import { composeReader } from './reader-composition.js';
import { readerdCommand } from './readerd-command.js';
import { systemdNotifier } from './systemd-notify.js';

export async function main(argv: string[]): Promise<number> {
  const t0 = performance.now();
  const { values } = parseCommand(readerdCommand, argv);
  if (values.help || values.version) {
    process.stdout.write(values.help ? `${helpText(readerdCommand)}\n` : `readerd ${packageVersion()}\n`);
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
