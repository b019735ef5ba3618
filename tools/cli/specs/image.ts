// readerctl image: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const imageCommand = defineCommand({
  name: 'readerctl image',
  summary: 'sign, verify and inspect MCUboot firmware images, with imgtool’s options and layout',
  usage: ['<sign|verify|keyhash|info> [options]'],
  subcommands: [
    {
      name: 'sign',
      args: '-k KEY -v X.Y.Z[+B] [options] IN OUT [--json]',
      summary:
        "make an MCUboot image from a raw firmware binary, as 'imgtool sign --pad-header' does (the same bytes for an Ed25519 key): header, hash, KEYHASH (or PUBKEY) and signature TLVs",
      description:
        'Keys: Ed25519, ECDSA P-256/P-384, RSA-2048/3072 PEM (private, mode 0600). Numbers are decimal or 0x hex; a value that does not fit its field is refused (exit 2) before anything is written. --pad-header is accepted and always in effect.',
      options: [
        'key',
        'version',
        'header-size',
        'pad-header',
        'load-addr',
        'security-counter',
        'sha',
        'pure',
        'public-key-format',
        'slot-size',
        'pad',
        'confirm',
        'align',
        'max-sectors',
        'unsigned',
        'json',
      ],
    },
    {
      name: 'verify',
      args: '-k KEY [-k KEY…] IMAGE [--json]',
      summary:
        'check the image as MCUboot does: its hash, then a signature whose KEYHASH/PUBKEY names one of the keys (public or private PEM); explains each failure; exit 5 if not bootable',
      options: ['key', 'json'],
    },
    {
      name: 'keyhash',
      args: '-k KEY [--sha 256|384|512] [--lang c]',
      summary:
        "the KEYHASH MCUboot looks the key up by: the hash of the DER key (what 'imgtool getpubhash' prints; --lang c prints its C array, byte for byte)",
      options: ['key', 'sha', 'lang'],
    },
    {
      name: 'info',
      args: 'IMAGE [--json]',
      summary:
        "header (flags decoded), protected and unprotected TLVs (security counter decoded), trailer of a padded image: what 'imgtool dumpinfo' shows",
      options: ['json'],
    },
  ],
  options: {
    key: { type: 'string', short: 'k', multiple: true, arg: 'KEY', description: 'key file (PEM)' },
    version: { type: 'string', short: 'v', arg: 'X.Y.Z[+B]', description: 'image version' },
    'header-size': {
      type: 'string',
      short: 'H',
      arg: 'N',
      shownDefault: '0x200',
      description: 'header size, padded with 0xff',
    },
    'pad-header': { type: 'boolean', description: 'accepted for imgtool compatibility; always in effect' },
    'load-addr': { type: 'string', arg: 'ADDR', description: 'RAM-load address (sets the RAM_LOAD flag)' },
    'security-counter': {
      type: 'string',
      arg: 'N|auto',
      description: 'protected SEC_CNT TLV (auto: from the version)',
    },
    sha: {
      type: 'string',
      arg: '256|384|512',
      shownDefault: "the key's; 512 with --pure",
      description: 'image hash (keyhash: the hash of the key)',
    },
    pure: { type: 'boolean', description: 'Ed25519 over the image itself (SIG_PURE), not its digest' },
    'public-key-format': {
      type: 'string',
      arg: 'hash|full',
      shownDefault: 'hash',
      description: 'KEYHASH or the whole key (PUBKEY)',
    },
    'slot-size': {
      type: 'string',
      short: 'S',
      arg: 'N',
      description: 'the image plus its trailer must fit the slot',
    },
    pad: {
      type: 'boolean',
      description: 'pad to the slot with the trailer (boot magic): swaps at next boot',
    },
    confirm: { type: 'boolean', description: 'with --pad: also set image-ok (stays after the swap)' },
    align: {
      type: 'string',
      arg: '1|2|4|8|16|32',
      shownDefault: '1',
      description: 'flash write size for the trailer',
    },
    'max-sectors': {
      type: 'string',
      arg: 'N',
      shownDefault: '128',
      description: 'swap status sectors in the trailer',
    },
    unsigned: { type: 'boolean', description: 'no key: SHA only (MCUboot with signing refuses it)' },
    lang: { type: 'string', arg: 'c', description: 'keyhash: print the C array imgtool prints' },
    json: { type: 'boolean', description: 'one JSON object on stdout' },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'key file problem or malformed image' },
    { code: EXIT.verify, meaning: 'image does not verify' },
  ],
  examples: [
    'readerctl image sign -k fw-signing.key -v 1.4.0 zephyr.bin app.img',
    'readerctl image verify -k fw-signing.key.pub.pem app.img',
  ],
});
