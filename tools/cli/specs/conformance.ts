// readerctl conformance: its arguments, help and exit codes (platform/cli-spec.ts renders them).
import { EXIT } from '../../../platform/cli.js';
import { defineCommand } from '../../../platform/cli-spec.js';

export const conformanceCommand = defineCommand({
  name: 'readerctl conformance',
  summary: 'the conformance kit: run the SPEC cases against a reader, write JUnit/JSON/HTML/PDF reports',
  usage: [
    '--broker URL --device ID --terminal-key FILE --trust DIR [--patient emulated|operator] [--bench URL] [--only IDS] [--out DIR] [--redelivery-wait MS] [--broker-embedded | --broker-control] [--ca FILE] [--cert FILE --key FILE] [--username NAME --password-file FILE] [--servername NAME] [--chromium PATH | --no-pdf] [--json]',
    '--list [--json]',
  ],
  description:
    'Plays the clinic terminal over MQTT (signed commands and acknowledgements with a terminal key the device trusts) and the patient (the emulated bench, or you at the bench following prompts), runs the catalogue of cases traced to protocol/SPEC.md, and watches every message the device publishes with the monitor. Writes conformance.json, conformance.junit.xml, conformance.html and conformance.pdf (the HTML printed by Chromium): a certificate that names the reader as its signed birth announced it (model, serial, firmware version, key id), the kit and SPEC versions, the date, and — on its first lines — what was emulated.',
  options: {
    broker: { type: 'string', arg: 'URL', description: 'the broker the device uses (mqtt:// or mqtts://)' },
    device: { type: 'string', arg: 'ID', description: 'the device id' },
    'terminal-key': {
      type: 'string',
      arg: 'FILE',
      description: "a terminal private key in the device's trust store",
    },
    trust: { type: 'string', arg: 'DIR', description: 'trusted device keys (PEM, named by device id)' },
    patient: {
      type: 'string',
      arg: 'MODE',
      default: 'emulated',
      description: 'emulated (needs --bench) or operator (prompts on this terminal)',
    },
    bench: {
      type: 'string',
      arg: 'URL',
      description: "the emulated bench's control URL (npm start -- --bench prints it)",
    },
    only: { type: 'string', arg: 'IDS', description: 'comma-separated case ids (see --list)' },
    out: { type: 'string', arg: 'DIR', default: 'conformance-report', description: 'report folder' },
    'redelivery-wait': {
      type: 'string',
      arg: 'MS',
      shownDefault: '15000',
      description: 'longest wait for an unacknowledged result to come again',
    },
    'broker-embedded': {
      type: 'boolean',
      description: 'operator mode: the broker runs inside the device (no Will to observe)',
    },
    'broker-control': {
      type: 'boolean',
      description:
        "the kit runs the broker the reader connects to (aedes, on --broker's host and port, admitting key-bound credentials): the CONNECT, Will and outage cases apply; set the reader's broker.url to --broker",
    },
    ca: { type: 'string', arg: 'FILE', description: "the broker's CA bundle (PEM), for mqtts://" },
    cert: {
      type: 'string',
      arg: 'FILE',
      description: 'a client certificate (PEM), if the broker asks for one',
    },
    key: { type: 'string', arg: 'FILE', description: "the client certificate's key (PEM)" },
    username: {
      type: 'string',
      arg: 'NAME',
      description: "the broker username (default: the kit terminal's key-bound credentials)",
    },
    'password-file': {
      type: 'string',
      arg: 'FILE',
      description: 'a file holding the broker password (mode 0600 or refused; never on the command line)',
    },
    servername: {
      type: 'string',
      arg: 'NAME',
      description: "the name the broker's certificate carries, when it is not the URL's host",
    },
    chromium: {
      type: 'string',
      arg: 'PATH',
      default: '/usr/bin/chromium',
      description: 'the Chromium that prints conformance.pdf',
    },
    'no-pdf': { type: 'boolean', description: 'write no PDF (no Chromium on this machine)' },
    list: { type: 'boolean', description: 'print the catalogue: ids, clauses, titles' },
    json: {
      type: 'boolean',
      description:
        'one JSON summary on stdout instead of progress lines (with --list: the catalogue as one JSON array)',
    },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'every case that ran passed and the monitor saw no violation' },
    { code: EXIT.failure, meaning: 'a case failed' },
    { code: EXIT.usage, meaning: 'usage' },
    { code: EXIT.config, meaning: 'keys, trust store, TLS or password files, no Chromium for the PDF' },
    { code: EXIT.link, meaning: 'the broker refused the kit, or --broker-control cannot listen' },
  ],
});
