// readerctl flash: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

const line = ['port', 'usb', 'baud', 'timeout', 'smp-v2', 'json', 'verbose'];

export const flashCommand = defineCommand({
  name: 'readerctl flash',
  summary: 'update and query a coprocessor board over SMP (MCUmgr) on a serial line',
  usage: ['<action> (--port PATH | --usb VID:PID) [options]'],
  subcommands: [
    { name: 'echo', args: 'TEXT', summary: 'round trip a text through the target', options: line },
    { name: 'reset', summary: 'reset the target', options: line },
    { name: 'params', summary: "the target's SMP buffer size and count", options: line },
    { name: 'info', summary: 'OS information', options: line },
    {
      name: 'bootloader',
      args: '[--query Q]',
      summary: "bootloader information; --query mode: MCUboot's mode",
      options: [...line, 'query'],
    },
    { name: 'list', summary: 'image slots: version, hash, flags', options: line },
    {
      name: 'upload',
      args: 'IMAGE [--key FILE] [--allow-unsigned] [--test|--confirm] [--reset]',
      summary: 'upload an MCUboot image; ends only when the target lists its hash',
      description:
        'An upload interrupted by a reset or a cable pull resumes by itself. With --reset after --test/--confirm, the bootloader must boot the image (it checks the signature only then).',
      options: [...line, 'key', 'allow-unsigned', 'test', 'confirm', 'reset'],
    },
    { name: 'test', args: 'HASH', summary: 'try the image with this hash at the next boot', options: line },
    {
      name: 'confirm',
      args: '[HASH]',
      summary: 'confirm the running image, or make HASH permanent',
      options: line,
    },
    { name: 'erase', args: '[--slot N]', summary: 'erase the secondary slot', options: [...line, 'slot'] },
    { name: 'shell', args: '-- ARG...', summary: 'run a shell command on the target', options: line },
  ],
  options: {
    port: { type: 'string', arg: 'PATH', description: 'serial port (e.g. /dev/ttyACM0)' },
    usb: { type: 'string', arg: 'VID:PID[:SN]', description: 'find the serial port by USB id instead' },
    baud: { type: 'string', arg: 'N', shownDefault: '115200', description: 'line rate' },
    timeout: { type: 'string', arg: 'MS', shownDefault: '3000', description: 'answer timeout per request' },
    key: {
      type: 'string',
      arg: 'FILE',
      description: 'upload: verify the image locally against this public key first',
    },
    'allow-unsigned': {
      type: 'boolean',
      description: 'upload an image without a signature TLV (refused otherwise)',
    },
    test: { type: 'boolean', description: 'upload: mark it for a test boot afterwards' },
    confirm: { type: 'boolean', description: 'upload: make it permanent' },
    reset: {
      type: 'boolean',
      description:
        'upload: reset the target after --test/--confirm and check that the bootloader booted the image',
    },
    slot: { type: 'string', arg: 'N', description: 'erase: the slot to erase' },
    query: { type: 'string', arg: 'Q', description: 'bootloader: what to ask (mode: MCUboot’s mode)' },
    'smp-v2': {
      type: 'boolean',
      shownDefault: 'version 1',
      description:
        'SMP version 2 headers (errors as {group, rc}); for a Zephyr build without CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL',
    },
    json: { type: 'boolean', description: 'JSON lines on stdout (progress events, results)' },
    verbose: { type: 'boolean', short: 'v', description: "show the target's console text" },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.failure, meaning: 'the target answered the shell command with an error' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'image or key problem' },
    {
      code: EXIT.link,
      meaning: 'link problem (no answer, port gone, garbled answers, offset jumped backwards)',
    },
    { code: EXIT.verify, meaning: 'the target refused or did not accept the image' },
    { code: EXIT.canceled, meaning: 'canceled (Ctrl-C)' },
  ],
  examples: [
    'readerctl flash upload app.img --port /dev/ttyACM0 --key fw-signing.key.pub.pem --test --reset',
  ],
});
