// `npm start -- --interactive`: a person plays the patient in the browser and places cards
// from the terminal. Here the test types the commands and reads the kiosk's view.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { missing } from '../helpers/system.js';

const ROOT = join(import.meta.dirname, '..', '..');

it.skipIf(missing('socat', 'socat'))(
  'the interactive demo places a card on command and stops on quit',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fareader-interactive-'));
    const demo = spawn(process.execPath, [join(ROOT, 'bin', 'demo.mjs'), '--interactive', '--dir', dir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    demo.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const until = async (re: RegExp, ms = 60_000): Promise<RegExpExecArray> => {
        const deadline = Date.now() + ms;
        for (;;) {
          const m = re.exec(out);
          if (m) return m;
          if (Date.now() > deadline || demo.exitCode !== null) throw new Error(`no ${re} in:\n${out}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const kiosk = (await until(/kiosk screen: (\S+)/))[1]!;
      await until(/patient> /);
      demo.stdin!.write('place normal genuine\n');
      let screen = '';
      const deadline = Date.now() + 30_000;
      while (screen !== 'choosing-method' && Date.now() < deadline) {
        screen = ((await (await fetch(new URL('/api/view', kiosk))).json()) as { screen: string }).screen;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(screen).toBe('choosing-method');
      demo.stdin!.write('frobnicate\n');
      await until(/place PROFILE \[genuine\|other\|none\] · remove/);
      demo.stdin!.write('quit\n');
      const [code] = await once(demo, 'exit');
      expect(code).toBe(0);
      expect(out).toContain('demo finished');
    } finally {
      if (demo.exitCode === null) demo.kill('SIGKILL');
    }
  },
  120_000,
);
