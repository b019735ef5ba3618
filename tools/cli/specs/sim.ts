// readerctl sim: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';
import { VPCD_PORT } from '../../../protocol/vpcd/vpcd.js';
import { PROFILES } from '../../../sim/card/card-profiles.js';

const profiles = Object.keys(PROFILES).join(', ');

export const simCommand = defineCommand({
  name: 'readerctl sim',
  summary: 'run a hardware emulator: smp-target, pn532 on a pseudo-terminal; card --vpcd for PC/SC',
  usage: [
    'smp-target --key FILE [options]',
    'pn532 [--baud N] [--profile P] [--state DIR]',
    'card --vpcd [HOST:PORT] [--profile P] [--state DIR] [--json]',
  ],
  subcommands: [
    {
      name: 'smp-target',
      args: '--key FILE [options]',
      summary:
        "runs the SMP/MCUboot target emulator on a new pty pair (socat) and prints the host side's path, for 'readerctl flash --port PATH' and 'readerctl console'. Runs until Ctrl-C.",
      options: [
        'key',
        'factory-key',
        'baud',
        'buf-size',
        'buf-count',
        'erase-ms',
        'noise',
        'reset-at',
        'serial-recovery',
        'write-align',
        'sha',
        'pure',
        'smp-v2-only',
      ],
    },
    {
      name: 'pn532',
      args: '[--baud N] [--profile P] [--state DIR]',
      summary:
        "runs the PN532 emulator with an emulated My Number card in its field on a new pty pair and prints the host side's path (for readerctl card --pn532 PATH, readerctl console)",
      options: ['baud', 'profile', 'state'],
    },
    {
      name: 'card',
      args: '--vpcd [HOST:PORT] [--profile P] [--state DIR] [options]',
      summary:
        "puts an emulated My Number card into vsmartcard-vpcd's virtual reader for pcscd and any PC/SC application (OpenSC, a terminal's own software)",
      description: `Connects to vpcd (the pcscd reader driver of Debian's vsmartcard-vpcd, listening on port ${VPCD_PORT}) the way vicc does, so pcscd, OpenSC (pkcs15-tool, pkcs11-tool, opensc-pkcs11.so) and any PC/SC application see a JPKI card: user-authentication certificate, CA, key and PIN (1234, 3 tries); signature certificate, CA, key and password (ABC123, 5 tries). Runs until Ctrl-C; a card removed (profile removed-mid-command) or a vpcd restart is followed by the card being placed again.`,
      options: ['vpcd', 'profile', 'state', 'reset', 'contactless', 'wait', 'json'],
    },
  ],
  options: {
    key: {
      type: 'string',
      arg: 'FILE',
      group: 'smp-target',
      description: 'the public (or private) key the emulated bootloader trusts',
    },
    'factory-key': {
      type: 'string',
      arg: 'FILE',
      group: 'smp-target',
      description: 'a private key to sign the factory image in slot 0 (default: none)',
    },
    baud: {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      description: 'emulate this line rate (bytes paced at N/10 per second); pn532: its line rate',
    },
    'buf-size': {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      shownDefault: '2048; 1024 with --serial-recovery',
      description: 'SMP buffer size',
    },
    'buf-count': {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      shownDefault: '4',
      description: 'SMP buffer count',
    },
    'erase-ms': {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      shownDefault: '1000',
      description: 'first-chunk erase time',
    },
    noise: { type: 'boolean', group: 'smp-target', description: 'console log lines between SMP lines' },
    'reset-at': {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      description: 'reset once when an upload reaches offset N',
    },
    'serial-recovery': {
      type: 'boolean',
      group: 'smp-target',
      description:
        'start in MCUboot serial recovery (button held at power-on): answers as boot_serial.c (uploads to slot 0, list without flags, no image test or mcumgr params) until a reset boots a valid application',
    },
    'write-align': {
      type: 'string',
      arg: 'N',
      group: 'smp-target',
      shownDefault: '4',
      description: 'flash write block serial recovery writes in: 1, 2, 4, 8, 16 or 32',
    },
    sha: {
      type: 'string',
      arg: '256|384|512',
      group: 'smp-target',
      shownDefault: '256',
      description:
        'the image hash MCUboot was built for; img_mgmt lists that TLV (SHA-384: Zephyr has no setting, so the application lists no image)',
    },
    pure: {
      type: 'boolean',
      group: 'smp-target',
      description: 'MCUboot built for pure Ed25519 signatures (imgtool --pure; SHA-512)',
    },
    'smp-v2-only': {
      type: 'boolean',
      group: 'smp-target',
      description:
        "a Zephyr build without CONFIG_MCUMGR_SMP_SUPPORT_ORIGINAL_PROTOCOL: SMP version 1 requests are refused (rc 12); use 'readerctl flash --smp-v2'",
    },
    profile: {
      type: 'string',
      arg: 'P',
      group: 'pn532 and card',
      shownDefault: 'normal',
      description: `the emulated card: ${profiles}`,
    },
    state: {
      type: 'string',
      arg: 'DIR',
      group: 'pn532 and card',
      shownDefault: 'var/emulator',
      description: 'keeps the emulated cards (keys, certificates, PIN counters)',
    },
    vpcd: {
      type: 'string',
      arg: '[HOST:PORT]',
      group: 'card',
      shownDefault: `localhost:${VPCD_PORT}`,
      description: 'where vpcd listens',
    },
    reset: {
      type: 'boolean',
      group: 'card',
      description: "start from the profile's counters, forgetting earlier runs' VERIFYs",
    },
    contactless: {
      type: 'boolean',
      group: 'card',
      description:
        "present the PC/SC pseudo-ATR of a contactless reader instead of the card's contact ATR (hosts then find the card by selecting the JPKI AP)",
    },
    wait: {
      type: 'string',
      arg: 'S',
      group: 'card',
      shownDefault: '30',
      description: 'how long to wait for vpcd to listen',
    },
    json: {
      type: 'boolean',
      group: 'card',
      description:
        'one JSON object per line on stdout: ready, connected, power-on/off, apdu (header and status word only), counters, disconnected, stopped',
    },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'stopped by Ctrl-C/SIGTERM' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'key file problem' },
    { code: EXIT.link, meaning: 'card: vpcd not reachable within --wait' },
  ],
});
