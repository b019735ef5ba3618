// readerctl broker: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const brokerCommand = defineCommand({
  name: 'readerctl broker',
  summary: 'key-bound broker credentials; password and ACL files for an external Mosquitto',
  usage: ['<credentials|mosquitto> [options]'],
  subcommands: [
    {
      name: 'credentials',
      args: '--key FILE --role device|terminal --id ID [--aux NAME] [--json]',
      summary:
        'the MQTT username (= client id) and key-bound password of a party (SPEC §13.1); the password is a secret: it lets its holder connect as that party',
      options: ['key', 'role', 'id', 'aux', 'json'],
    },
    {
      name: 'mosquitto',
      args: '--out DIR [--device ID=KEYFILE]... [--terminal ID=KEYFILE]... [--aux ID=NAME]...',
      summary:
        'write DIR/fareader.acl and DIR/fareader.passwd (hashed with mosquitto_passwd -U, mode 0600) for hardware/mosquitto/fareader.conf',
      options: ['out', 'device', 'terminal', 'aux'],
    },
  ],
  options: {
    key: { type: 'string', arg: 'FILE', description: "the party's private key" },
    role: { type: 'string', arg: 'device|terminal', description: 'the kind of party' },
    id: { type: 'string', arg: 'ID', description: 'the device or terminal id' },
    aux: {
      type: 'string',
      multiple: true,
      arg: 'NAME|ID=NAME',
      description:
        "an auxiliary connection of a party (e.g. --aux conformance-kit=monitor for the conformance kit's monitor)",
    },
    out: { type: 'string', arg: 'DIR', description: 'the folder the Mosquitto files are written to' },
    device: { type: 'string', multiple: true, arg: 'ID=KEYFILE', description: 'a reader and its key' },
    terminal: { type: 'string', multiple: true, arg: 'ID=KEYFILE', description: 'a terminal and its key' },
    json: { type: 'boolean', description: 'one JSON object on stdout' },
  },
  notes:
    'readerd and the reference terminal present these credentials by themselves when their broker settings name no username.',
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.failure, meaning: 'other failure' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'key file problem' },
  ],
});
