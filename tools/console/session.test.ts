// The console session on the in-memory wire, with the SMP target emulator on the other end:
// what it sends is decoded, the target's console text passes between frames even when reads
// are cut anywhere, and a pulled cable is reported and then the reconnect. (The screen as a
// person sees it, through readerctl in tmux over a pty, is test/console.test.ts.)
import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../../device/serial/memory-transport.js';
import { opensslEd25519 } from '../../platform/keys/ed25519-openssl.js';
import { concatBytes } from '../../protocol/bytes.js';
import { generateKeyPair } from '../../protocol/link/keys.js';
import { frameSmp } from '../../protocol/smp/serial-framing.js';
import { encodeSmp } from '../../protocol/smp/smp-packet.js';
import { SmpTarget } from '../../sim/smp-target/smp-target.js';
import { ConsoleSession } from './session.js';

const OPTS = { hex: false, timestamps: false, localEcho: false };

/** Waits (bounded) until the screen shows `re`. */
async function shows(screen: () => string, re: RegExp): Promise<string> {
  for (let i = 0; i < 500 && !re.test(screen()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(screen()).toMatch(re);
  return screen();
}

describe('console session on the in-memory wire', () => {
  it('decodes the SMP exchange it sends, with the target console text between, from reads cut anywhere', async () => {
    const pair = createMemoryTransportPair({ chunking: { seed: 11, maxChunk: 3 } });
    new SmpTarget(pair.device, {
      signingKey: generateKeyPair().publicKey,
      ed: opensslEd25519,
      faults: { noise: true },
    });
    let out = '';
    const session = new ConsoleSession(pair.host, { ...OPTS, decode: 'smp' }, (t) => {
      out += t;
    });
    await session.send(
      concatBytes(
        ...frameSmp(encodeSmp({ op: 2, version: 0, flags: 0, group: 0, seq: 3, id: 0 }, { d: 'hello' })),
      ),
    );
    const screen = await shows(() => out, /<< SMP write-rsp os\/echo seq 3 \{"r":"hello"\}/);
    expect(screen).toMatch(/>> SMP write os\/echo seq 3 \{"d":"hello"\}/);
    await shows(() => out, /<inf> fareader_panel: tick/);
    await pair.host.close();
    await pair.device.close();
  });

  it('says when the line goes away and when it comes back, and refuses to send meanwhile', async () => {
    const pair = createMemoryTransportPair();
    let out = '';
    const session = new ConsoleSession(pair.host, OPTS, (t) => {
      out += t;
    });
    await pair.device.write(new TextEncoder().encode('boot ok\n'));
    await shows(() => out, /boot ok/);
    pair.unplug();
    expect(out).toMatch(/\[console\] port disconnected \(.*went away\); waiting for it to come back/);
    await session.send(Uint8Array.of(0x61));
    expect(out).toMatch(/\[console\] not sent: .*unplugged/);
    pair.replug();
    expect(out).toMatch(/\[console\] port reconnected/);
    await pair.device.write(new TextEncoder().encode('back\n'));
    await shows(() => out, /back/);
    await pair.host.close();
  });
});
