// readerctl keys: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const keysCommand = defineCommand({
  name: 'readerctl keys',
  summary: 'create device and terminal keys, export public keys, manage trust',
  usage: ['<subcommand> [options]'],
  subcommands: [
    {
      name: 'create',
      args: '--role device|terminal --out FILE [--force] [--json]',
      summary: 'create an Ed25519 key (PKCS#8 PEM, mode 0600) and FILE.pub.pem beside it',
      options: ['role', 'out', 'force', 'json'],
    },
    {
      name: 'show',
      args: '--key FILE [--json]',
      summary: 'key id and public key (raw hex and PEM) of a private or public key file',
      options: ['key', 'json'],
    },
    {
      name: 'export',
      args: '--key FILE --format raw|pem|der [--out FILE]',
      summary: 'the public key only, for openssl and other tools (stdout when no --out)',
      options: ['key', 'format', 'out'],
    },
    {
      name: 'trust add',
      args: '--dir DIR --name NAME --key FILE [--json]',
      summary:
        "trust a public key (or a private key's public half) under NAME; a device key's NAME must be its device id",
      options: ['dir', 'name', 'key', 'json'],
    },
    {
      name: 'trust list',
      args: '--dir DIR [--json]',
      summary: 'the trusted keys: key id, name, file',
      options: ['dir', 'json'],
    },
    {
      name: 'trust remove',
      args: '--dir DIR --name NAME [--json]',
      summary: 'stop trusting the key named NAME',
      options: ['dir', 'name', 'json'],
    },
  ],
  options: {
    role: { type: 'string', arg: 'device|terminal', description: 'whose key: the reader or a terminal' },
    out: { type: 'string', arg: 'FILE', description: 'the file to write' },
    key: { type: 'string', arg: 'FILE', description: 'a private or public key file (PEM)' },
    format: { type: 'string', arg: 'raw|pem|der', shownDefault: 'pem', description: 'export format' },
    dir: { type: 'string', arg: 'DIR', description: 'the trust store: a folder of PEM public keys' },
    name: { type: 'string', arg: 'NAME', description: 'the trusted party (a device key: its device id)' },
    force: { type: 'boolean', description: 'overwrite an existing key file' },
    json: { type: 'boolean', description: 'one JSON object on stdout' },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'key file problem' },
  ],
  examples: [
    'readerctl keys create --role device --out /etc/fareader/device.key',
    'readerctl keys trust add --dir trusted-terminals --name terminal-1 --key terminal.key.pub.pem',
  ],
});
