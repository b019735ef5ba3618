// npm start's options, help and exit codes as a table, like every readerctl command
// (platform/cli-spec.ts parses and renders it).
import { EXIT } from '../../platform/cli.js';
import { defineCommand } from '../../platform/cli-spec.js';

export const demoCommand = defineCommand({
  name: 'npm start --',
  summary:
    'readerd on emulated hardware, its embedded MQTT broker and the reference terminal, playing patients',
  usage: ['[--interactive | --bench] [--dir DIR] [--verbose] [--stay]'],
  description:
    "Prints the kiosk screen's address and plays a script of patients on the PN532 card module: face verified; face fails then PIN; PIN on the last try; PIN blocked then visual check; a cancelled session; a card without PIN; then, refitted with the emulated USB CCID reader, face fails then PIN. Each result is printed by the terminal side once verified.",
  options: {
    interactive: {
      type: 'boolean',
      description:
        'no script: you are the patient in the browser (kiosk page), and place cards from this terminal (type "help")',
    },
    bench: {
      type: 'boolean',
      description:
        "no script and no terminal: the appliance waits for the conformance kit, with the emulated bench's control port; prints the readerctl command line",
    },
    dir: { type: 'string', arg: 'DIR', default: 'var/demo', description: 'working folder' },
    verbose: { type: 'boolean', description: "show readerd's log lines" },
    stay: { type: 'boolean', description: 'after the script, keep running until Ctrl-C' },
  },
  exitCodes: [
    { code: EXIT.ok, meaning: 'every patient ended as expected (or stopped by Ctrl-C)' },
    { code: EXIT.failure, meaning: 'a patient did not end as expected' },
    { code: EXIT.usage, meaning: 'usage' },
  ],
});
