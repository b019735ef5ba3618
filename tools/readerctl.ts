// readerctl: the tools for engineers, manufacturers and the bench. Thin CLIs over the libraries.
// Help and the pointer after a usage error come from each command's table (tools/cli/specs/);
// the command modules load only when run, so `--help` stays fast.
import { EXIT, packageVersion, reportError } from '../platform/cli.js';
import { type CommandSpec, helpFor, helpTarget, helpText, wantsHelp } from '../platform/cli-spec.js';
import { COMMANDS, readerctlCommand } from './cli/specs/index.js';

const runners: Record<string, (argv: string[]) => Promise<number>> = {
  keys: async (a) => (await import('./cli/keys.js')).keys(a),
  card: async (a) => (await import('./cli/card.js')).card(a),
  face: async (a) => (await import('./cli/face.js')).face(a),
  image: async (a) => (await import('./cli/image.js')).image(a),
  flash: async (a) => (await import('./cli/flash.js')).flash(a),
  console: async (a) => (await import('./cli/console.js')).consoleCommand(a),
  sim: async (a) => (await import('./cli/sim.js')).sim(a),
  conformance: async (a) => (await import('./cli/conformance.js')).conformance(a),
  terminal: async (a) => (await import('./cli/terminal.js')).terminal(a),
  voice: async (a) => (await import('./cli/voice.js')).voice(a),
  broker: async (a) => (await import('./cli/broker.js')).broker(a),
  completion: async (a) => (await import('./cli/completion.js')).completion(a),
};

/** The help a failure points to: the subcommand's when argv names one. */
let helpName = 'readerctl';

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${helpText(readerctlCommand)}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '-V' || name === '--version') {
    process.stdout.write(`readerctl ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const run = Object.hasOwn(runners, name) ? runners[name] : undefined;
  const spec: CommandSpec | undefined = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!run || !spec) {
    process.stderr.write(`readerctl: unknown command "${name}". Try 'readerctl --help'.\n`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${helpFor(spec, rest)}\n`);
    return EXIT.ok;
  }
  helpName = helpTarget(spec, rest);
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => process.exit(reportError(e, 'readerctl', helpName)),
);
