// readerctl card: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';
import { PROFILES } from '../../../sim/card/card-profiles.js';

const module = ['pn532', 'baud', 'ccid', 'emulated', 'profile', 'trace', 'timeout', 'json'];

export const cardCommand = defineCommand({
  name: 'readerctl card',
  summary: 'the IC-card module and the My Number card: wait, certificate, tries left, verify PIN',
  usage: ['<action> (--pn532 PATH [--baud N] | --ccid | --emulated pn532|ccid [--profile P]) [options]'],
  subcommands: [
    { name: 'list', summary: 'serial ports and USB CCID readers present', options: ['json'] },
    { name: 'wait', summary: 'wait for a card and show its ATQB / ATR', options: module },
    {
      name: 'cert',
      summary: 'the user-authentication certificate: subject, issuer, validity',
      options: module,
    },
    { name: 'tries', summary: 'tries left on the user-authentication PIN (consumes none)', options: module },
    {
      name: 'verify',
      summary: 'check the PIN (asked without echo; on the last try you must type it twice)',
      options: [...module, 'pin-stdin'],
    },
  ],
  options: {
    pn532: { type: 'string', arg: 'PATH', description: 'a PN532 module on this serial port' },
    baud: { type: 'string', arg: 'N', description: "the PN532's line rate" },
    ccid: { type: 'boolean', description: 'the first known USB CCID reader' },
    emulated: { type: 'string', arg: 'pn532|ccid', description: 'an emulated module with an emulated card' },
    profile: {
      type: 'string',
      arg: 'P',
      description: `emulated card: ${Object.keys(PROFILES).join(', ')}`,
    },
    trace: { type: 'boolean', description: 'print the APDU trace (VERIFY data is never shown)' },
    timeout: { type: 'string', arg: 'MS', shownDefault: '10000', description: 'how long to wait for a card' },
    json: { type: 'boolean', description: 'JSON output' },
    'pin-stdin': {
      type: 'boolean',
      description: 'read the PIN from standard input (scripts), still never echoed',
    },
  },
  notes: 'The reader never sends VERIFY on the last try unless you confirm.',
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.failure, meaning: 'other failure' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.link, meaning: 'module or link problem' },
    { code: EXIT.verify, meaning: 'card refused (wrong PIN, blocked)' },
  ],
  examples: ['readerctl card tries --emulated pn532 --profile pin-last-try'],
});
