// readerd's arguments, help and exit codes (platform/cli-spec.ts renders them).

import { EXIT } from '../platform/cli.js';
import { defineCommand } from '../platform/cli-spec.js';

export const readerdCommand = defineCommand({
  name: 'readerd',
  summary: 'the face-authentication card reader service',
  usage: ['--config FILE [options]'],
  description:
    'With the appliance settings (card module, cameras, session, kiosk, panel, debug shell; see README "The appliance part") it runs the patient sessions — face, PIN, visual check, consents — shows the kiosk page on 127.0.0.1, and publishes each signed result to the clinic terminal over MQTT through a durable outbox. Without them it is a link-only reader (self-test results).',
  options: {
    config: {
      type: 'string',
      short: 'c',
      arg: 'FILE',
      description: 'configuration file (JSON); see README "Configuration"',
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
    version: { type: 'boolean', short: 'V', description: 'show the version' },
  },
  notes:
    'Signals: SIGTERM/SIGINT stop cleanly: a running session ends with a result (INTERRUPTED), acknowledgements are awaited up to 2 s, the death is published. Under systemd (NOTIFY_SOCKET) readerd reports READY, WATCHDOG and STOPPING.',
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok (stopped by a signal, or flushed with --exit-when-flushed)' },
    { code: EXIT.failure, meaning: 'other failure' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'configuration or key error' },
    { code: EXIT.link, meaning: 'broker or link failure' },
  ],
  examples: ['readerd --config /etc/fareader/readerd.json'],
});
