// readerctl: the tools for engineers, manufacturers and the bench. Thin CLIs over the libraries.
import { EXIT, packageVersion, reportError } from '../platform/cli.js';

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, Command> = {
  keys: {
    summary: 'create device and terminal keys, export public keys, manage trust',
    run: async (a) => (await import('./cli/keys.js')).keys(a),
  },
  card: {
    summary: 'the IC-card module and the My Number card: wait, certificate, tries left, verify PIN',
    run: async (a) => (await import('./cli/card.js')).card(a),
  },
  face: {
    summary: 'face pipeline: ROC evaluation on labelled pairs, card photo vs camera image',
    run: async (a) => (await import('./cli/face.js')).face(a),
  },
  image: {
    summary: 'sign, verify and inspect MCUboot firmware images',
    run: async (a) => (await import('./cli/image.js')).image(a),
  },
  flash: {
    summary: 'update and query a coprocessor board over SMP (MCUmgr) on a serial line',
    run: async (a) => (await import('./cli/flash.js')).flash(a),
  },
  console: {
    summary: 'serial console for engineers, with decoders (smp, readerd, pn532)',
    run: async (a) => (await import('./cli/console.js')).consoleCommand(a),
  },
  sim: {
    summary: 'run a hardware emulator: smp-target, pn532 on a pseudo-terminal; card --vpcd for PC/SC',
    run: async (a) => (await import('./cli/sim.js')).sim(a),
  },
  conformance: {
    summary: 'the conformance kit: run the SPEC cases against a reader, write JUnit/JSON/HTML reports',
    run: async (a) => (await import('./cli/conformance.js')).conformance(a),
  },
  terminal: {
    summary: 'the reference clinic terminal: receive, verify and acknowledge results; send commands',
    run: async (a) => (await import('./cli/terminal.js')).terminal(a),
  },
  voice: {
    summary: 'voice guidance: render the prompts at install, play one to check the loudspeaker',
    run: async (a) => (await import('./cli/voice.js')).voice(a),
  },
  broker: {
    summary: 'key-bound broker credentials; password and ACL files for an external Mosquitto',
    run: async (a) => (await import('./cli/broker.js')).broker(a),
  },
};

const HELP = `Usage: readerctl <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run 'readerctl <command> --help' for a command's options.
  -h, --help      show this help
  -V, --version   show the version`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '-V' || name === '--version') {
    process.stdout.write(`readerctl ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`readerctl: unknown command "${name}"\nTry 'readerctl --help'.\n`);
    return EXIT.usage;
  }
  return cmd.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'readerctl')),
);
