// readerd: the appliance service on real hardware. Its composition root: the command line, the
// configuration, the real USB bus and MQTT client, systemd, signals; reader-composition.ts
// builds the rest.
import { WebUSB } from 'usb';
import type { UsbBusLike } from '../device/ccid/webusb.js';
import { readHardwareIdentity } from '../platform/boards/hardware-identity.js';
import { EXIT, packageVersion, positiveInt, reportError, untilStopped } from '../platform/cli.js';
import { helpText, parseCommand } from '../platform/cli-spec.js';
import { connectMqtt } from '../platform/link/mqtt-client.js';
import { createLogger } from '../platform/log.js';
import { ErrorCode, ReaderError } from '../protocol/errors.js';
import { type ConfigCheck, checkConfig } from './check-config.js';
import { loadConfig } from './config.js';
import { withBrokerPassword } from './config-secrets.js';
import { oneLine } from './device-keeper.js';
import { hashStaffPin } from './kiosk/staff/staff-pin.js';
import { composeReader } from './reader-composition.js';
import { readerdCommand } from './readerd-command.js';
import { systemdNotifier } from './systemd-notify.js';

/** Where install.sh puts the configuration (README "Installing the appliance"). */
export const DEFAULT_CONFIG = '/etc/fareader/readerd.json';

export async function main(argv: string[]): Promise<number> {
  const t0 = performance.now();
  const { values } = parseCommand(readerdCommand, argv);
  if (values.help || values.version) {
    process.stdout.write(values.help ? `${helpText(readerdCommand)}\n` : `readerd ${packageVersion()}\n`);
    return 0;
  }
  if (values['hash-staff-pin']) {
    process.stdout.write(`${hashStaffPin(await firstLine(process.stdin, 30_000))}\n`);
    return EXIT.ok;
  }
  const configPath = values.config ?? process.env.READERD_CONFIG ?? DEFAULT_CONFIG;
  if (values['check-config']) return printCheck(checkConfig(configPath, process.env), !!values.json);
  if (values.json) throw new ReaderError(ErrorCode.Usage, '--json goes with --check-config');
  const testCount = positiveInt(values['link-test-results'], '--link-test-results', 0);
  const testInterval = positiveInt(values['link-test-interval'], '--link-test-interval', 100);
  const flushTimeout = positiveInt(values['flush-timeout'], '--flush-timeout', 60_000);

  const config = withBrokerPassword(loadConfig(configPath), process.env);
  const log = createLogger('readerd', { level: config.log.level, format: config.log.format });
  // A bug (an exception nobody caught) ends readerd with one line on stderr and its stack in
  // the structured log, each frame cut short: never a dump of minified library source.
  process.on('uncaughtException', (e) => {
    log.error('internal error: stopping', {
      error: (e as Error)?.message ?? String(e),
      stack: ((e as Error)?.stack ?? '')
        .split('\n')
        .slice(1, 12)
        .map((l) => l.trim().slice(0, 200)),
    });
    process.stderr.write(`readerd: internal error: ${oneLine(e)} (a bug; the log has its stack)\n`);
    process.exit(EXIT.failure);
  });
  // A signal during start-up is honoured once the reader is up (its stop needs the parts).
  let signalled = false;
  const signal = untilStopped().then(() => {
    signalled = true;
  });

  // The real hardware: CCID readers on this machine's USB bus (udev rules grant the access).
  const reader = await composeReader(
    config,
    {
      usbBus: () => new WebUSB({ allowAllDevices: true }) as unknown as UsbBusLike,
      connect: connectMqtt,
      hardware: (c) => readHardwareIdentity(c.appliance?.board),
    },
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
  let code: number = EXIT.ok;
  if (values['exit-when-flushed']) {
    const deadline = performance.now() + flushTimeout;
    while (!signalled && outbox.pendingCount > 0 && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    if (!signalled && outbox.pendingCount > 0) {
      log.error('not every result was acknowledged in time: they stay in the outbox', {
        pending: outbox.pendingCount,
        flushTimeoutMs: flushTimeout,
      });
      code = EXIT.link;
    }
  } else await signal;
  notifier.stopping();
  await reader.stop(signalled ? 'signal' : code === EXIT.ok ? 'flushed' : 'flush timeout');
  return code;
}

/** The first line on a stream (the staff PIN typed or piped in), within `ms`. */
async function firstLine(input: NodeJS.ReadableStream, ms: number): Promise<string> {
  let text = '';
  const t = setTimeout(
    () => input.emit('error', new ReaderError(ErrorCode.Usage, `no staff PIN on stdin within ${ms} ms`)),
    ms,
  );
  try {
    for await (const chunk of input) {
      text += chunk.toString();
      if (text.includes('\n')) break;
    }
  } finally {
    clearTimeout(t);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** `--check-config`: one line per problem (or one JSON object); exit 0 or 3. */
function printCheck(c: ConfigCheck, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(c)}\n`);
  else if (c.ok) process.stdout.write(`${c.config}: valid ${JSON.stringify(c.summary)}\n`);
  else for (const p of c.problems) process.stderr.write(`readerd: ${c.config}: ${p}\n`);
  return c.ok ? EXIT.ok : EXIT.config;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'readerd')),
);
