// readerctl completion bash: the completion script, from the same tables as --help.
import { EXIT } from '../../platform/cli.js';
import { bashCompletion } from '../../platform/cli-completion.js';
import { helpText, parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { completionCommand } from './specs/completion.js';
import { COMMANDS, readerctlCommand } from './specs/index.js';

export async function completion(argv: string[]): Promise<number> {
  const { positionals } = parseCommand(completionCommand, argv, { positionals: true });
  const shell = positionals[0];
  if (!shell) {
    process.stdout.write(`${helpText(completionCommand)}\n`);
    return EXIT.usage;
  }
  if (shell !== 'bash') throw new ReaderError(ErrorCode.Usage, `no completion for "${shell}" (bash only)`);
  const byWord = Object.fromEntries(Object.entries(COMMANDS).map(([k, v]) => [k, v]));
  process.stdout.write(bashCompletion(readerctlCommand, byWord));
  return EXIT.ok;
}
