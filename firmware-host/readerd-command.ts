// readerd's arguments, help and exit codes (platform/cli-spec.ts renders them).

import { EXIT } from '../platform/cli.js';
import { defineCommand } from '../platform/cli-spec.js';

export const readerdCommand = defineCommand({
  name: 'readerd',
  summary: 'the face-authentication card reader service',
  usage: ['[--config FILE] [options]', '--check-config [--config FILE] [--json]', '--hash-staff-pin < PIN'],
  description:
    'With the appliance settings (card module, cameras, session, kiosk, panel, debug shell; see README "The appliance part") it runs the patient sessions — face, PIN, visual check, consents — shows the kiosk page on 127.0.0.1, and publishes each signed result to the clinic terminal over MQTT through a durable outbox. Without them it is a link-only reader (self-test results).',
  options: {
    config: {
      type: 'string',
      short: 'c',
      arg: 'FILE',
      description:
        'configuration file (JSON; see README "Configuration (readerd)"); default: $READERD_CONFIG, else /etc/fareader/readerd.json',
    },
    'check-config': {
      type: 'boolean',
      description:
        'validate the configuration, its key, trust, password and TLS files, open nothing (no device, no broker), print one line per problem, exit 0 or 3',
    },
    'hash-staff-pin': {
      type: 'boolean',
      description:
        'read a staff PIN (4–12 digits) on stdin, print its hash for $.kiosk.staff.pinHash (the PIN is never written anywhere)',
    },
    json: {
      type: 'boolean',
      description: 'with --check-config: one JSON object {ok, config, problems, summary}',
    },
    'link-test-results': {
      type: 'string',
      arg: 'N',
      description: 'produce N link self-test results (link_test=true) and keep running',
    },
    'link-test-interval': {
      type: 'string',
      arg: 'MS',
      shownDefault: '100',
      description: 'pause between link self-test results',
    },
    'exit-when-flushed': {
      type: 'boolean',
      description: 'with --link-test-results: stop once every result is acknowledged',
    },
    'flush-timeout': {
      type: 'string',
      arg: 'MS',
      shownDefault: '60000',
      description: 'with --exit-when-flushed: give up after this long (exit 4, results stay in the outbox)',
    },
    version: { type: 'boolean', short: 'V', description: 'show the version' },
  },
  notes:
    'Signals: SIGTERM/SIGINT stop cleanly: a running session ends with a result (INTERRUPTED), acknowledgements are awaited up to 2 s, the death is published. Under systemd (NOTIFY_SOCKET) readerd reports READY, WATCHDOG and STOPPING. SIGUSR2 logs one "memory" line: the RSS and its peak, the resident memory by kind (code and libraries, each wasm heap, the rest) and each thread\'s heap and wasm memories (main, the face worker, the OCR worker while it runs). Environment: READERD_CONFIG (the configuration file), READERD_BROKER_PASSWORD (the broker password; wins over broker.passwordFile and broker.password). A configured device that is absent (panel, camera, card module) is not an exit: readerd runs without it, names it on /healthz and retries.',
  exitCodes: [
    {
      code: EXIT.ok,
      meaning: 'ok (stopped by a signal, flushed with --exit-when-flushed, or a valid --check-config)',
    },
    {
      code: EXIT.failure,
      meaning:
        'other failure (outbox store, face models; an internal error is a bug: one line on stderr, its stack in the log)',
    },
    { code: EXIT.usage, meaning: 'usage' },
    {
      code: EXIT.config,
      meaning: 'configuration, key, trust or password file error (also --check-config finding problems)',
    },
    {
      code: EXIT.link,
      meaning: "broker or link failure: the embedded broker's port is taken, --flush-timeout passed",
    },
  ],
  examples: [
    'readerd',
    'readerd --check-config --config /etc/fareader/readerd.json',
    'READERD_BROKER_PASSWORD=… readerd --config /etc/fareader/readerd.json',
  ],
});
