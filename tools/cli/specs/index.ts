// Every readerctl command's table, in the order help and the README list them.
import { EXIT } from '../../../platform/cli.js';
import { type CommandSpec, defineCommand } from '../../../platform/cli-spec.js';
import { brokerCommand } from './broker.js';
import { cardCommand } from './card.js';
import { completionCommand } from './completion.js';
import { conformanceCommand } from './conformance.js';
import { consoleCommandSpec } from './console.js';
import { faceCommand } from './face.js';
import { flashCommand } from './flash.js';
import { imageCommand } from './image.js';
import { keysCommand } from './keys.js';
import { simCommand } from './sim.js';
import { terminalCommand } from './terminal.js';
import { voiceCommand } from './voice.js';

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  keys: keysCommand,
  card: cardCommand,
  face: faceCommand,
  image: imageCommand,
  flash: flashCommand,
  console: consoleCommandSpec,
  sim: simCommand,
  conformance: conformanceCommand,
  terminal: terminalCommand,
  voice: voiceCommand,
  broker: brokerCommand,
  completion: completionCommand,
};

export const readerctlCommand = defineCommand({
  name: 'readerctl',
  summary: 'the tools for engineers, manufacturers and the bench: thin CLIs over the appliance libraries',
  usage: ['<command> [options]', '<command> --help', '--version'],
  subcommands: Object.values(COMMANDS).map((c) => ({
    name: c.name.replace(/^readerctl /, ''),
    summary: c.summary,
  })),
  subcommandLabel: 'Commands',
  options: { version: { type: 'boolean', short: 'V', description: 'show the version' } },
  exitCodes: [
    { code: EXIT.ok, meaning: 'ok' },
    { code: EXIT.usage, meaning: 'usage (no or unknown command)' },
  ],
  notes: "Each command lists its own exit codes: 'readerctl <command> --help'.",
});
