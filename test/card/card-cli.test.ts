// readerctl card as an engineer runs it, against the emulated modules.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missing } from '../helpers/system.js';

const readerctl = join(import.meta.dirname, '..', '..', 'bin', 'readerctl.mjs');
const run = (input: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [readerctl, 'card', ...args], { encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.skipIf(missing('socat', 'socat'))('readerctl card', () => {
  it('shows the certificate with an APDU trace through the emulated PN532', () => {
    const r = run('', 'cert', '--emulated', 'pn532', '--trace');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/issuer +C=JP, O=fareader test/);
    expect(r.err).toMatch(/APDU 00a4040c0ad392f000260100000001 -> 9000/);
  });

  it('asks twice on the last try and sends nothing when the entries differ', () => {
    const r = run(
      '1234\n1111\n',
      'verify',
      '--emulated',
      'ccid',
      '--profile',
      'pin-last-try',
      '--pin-stdin',
      '--trace',
    );
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/one try left/);
    expect(r.err).toMatch(/nothing was sent to the card/);
    expect(r.err).not.toMatch(/00200080 ?04/); // no VERIFY with data in the trace
  });

  it('verifies a PIN, never printing it', () => {
    const r = run('1234\n', 'verify', '--emulated', 'pn532', '--pin-stdin', '--trace', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ verified: true, triesLeftBefore: 3 });
    expect(r.err).toMatch(/0020008004 \[data withheld\]/);
    expect(r.out + r.err).not.toMatch(/31323334/);
  });

  it('reports a blocked PIN', () => {
    const r = run('', 'tries', '--emulated', 'ccid', '--profile', 'pin-blocked');
    expect(r.out.trim()).toBe('PIN blocked');
  });
});
