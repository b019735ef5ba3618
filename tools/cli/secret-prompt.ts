// Asks for a secret (the PIN) without echo on a terminal; from stdin for scripts. The value
// goes to the caller only: never logged, never printed.
import { createInterface } from 'node:readline';

let stdinLines: AsyncIterator<string> | undefined;

export async function askSecret(prompt: string, fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    stdinLines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    const r = await stdinLines.next();
    return r.done ? '' : r.value.trim();
  }
  process.stderr.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (b: Buffer): void => {
      for (const c of b.toString('utf8')) {
        if (c === '\r' || c === '\n') {
          process.stdin.off('data', onData);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stderr.write('\n');
          return resolve(value);
        }
        if (c === '\u0003') process.exit(130);
        if (c === '\u007f') value = value.slice(0, -1);
        else value += c;
        process.stderr.write(c === '\u007f' ? '\b \b' : '*');
      }
    };
    process.stdin.on('data', onData);
  });
}
