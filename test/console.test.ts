// readerctl console through a real pty, its screen read in tmux as a person would.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortTransport } from '../device/serial/serialport-transport.js';
import { opensslEd25519 } from '../platform/keys/ed25519-openssl.js';
import { concatBytes, fromHex, utf8 } from '../protocol/bytes.js';
import { generateKeyPair } from '../protocol/link/keys.js';
import { ACK, encodeFrame } from '../protocol/pn532/frame.js';
import { frameSmp } from '../protocol/smp/serial-framing.js';
import { encodeSmp } from '../protocol/smp/smp-packet.js';
import { PtyPair } from '../sim/pty/pty-pair.js';
import { serveSmpTarget } from '../sim/smp-target/serve.js';
import { Pn532TrafficDecoder, ReaderdTrafficDecoder, SmpTrafficDecoder } from '../tools/console/decoders.js';
import { missing } from './helpers/system.js';
import { TmuxScreen } from './helpers/tmux.js';

const skip = missing('socat', 'socat') || missing('tmux', 'tmux');
const readerctl = join(import.meta.dirname, '..', 'bin', 'readerctl.mjs');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('console decoders', () => {
  it('render SMP frames with direction, group, command and fields, and pass console text', () => {
    const d = new SmpTrafficDecoder();
    const req = concatBytes(
      ...frameSmp(encodeSmp({ op: 2, version: 0, flags: 0, group: 0, seq: 7, id: 0 }, { d: 'hi' })),
    );
    expect(d.push('tx', req)[0]).toBe('>> SMP write os/echo seq 7 {"d":"hi"}');
    expect(d.push('rx', utf8('[00:01] <inf> boot\n'))).toEqual(['[00:01] <inf> boot']);
  });

  it('render PN532 frames with command names and status', () => {
    const d = new Pn532TrafficDecoder();
    expect(d.push('rx', concatBytes(ACK, encodeFrame(0xd5, fromHex('410090 00'.replace(' ', '')))))).toEqual([
      '<< PN532 ACK',
      '<< PN532 InDataExchange response status ok R-APDU 9000  [41009000]',
    ]);
    expect(d.push('rx', encodeFrame(0xd5, fromHex('4101'))).at(0)).toMatch(/status error timeout/);
  });

  it('render readerd JSON log lines', () => {
    const d = new ReaderdTrafficDecoder();
    const lines = d.push(
      'rx',
      utf8(
        '{"time":"2026-11-23T01:02:03.456Z","level":"info","ns":"svc:session","msg":"card placed","slot":1}\nplain',
      ),
    );
    expect(lines).toEqual(['01:02:03.456 INFO  svc:session: card placed {"slot":1}']);
  });
});

describe.skipIf(skip)('readerctl console in tmux', () => {
  async function pty(): Promise<PtyPair> {
    const p = await PtyPair.create('console');
    cleanups.push(() => p.close());
    return p;
  }

  it('decodes an SMP exchange it sends from a file, with the target console text in between', async () => {
    const p = await pty();
    const served = await serveSmpTarget(p.devicePath, {
      signingKey: generateKeyPair().publicKey,
      ed: opensslEd25519,
      faults: { noise: true },
    });
    cleanups.push(() => served.close());
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'echo.bin');
    writeFileSync(
      file,
      concatBytes(
        ...frameSmp(encodeSmp({ op: 2, version: 0, flags: 0, group: 0, seq: 0, id: 0 }, { d: 'hello' })),
      ),
    );
    const tm = new TmuxScreen(
      `node ${readerctl} console --port ${p.hostPath} --decode smp --send ${file} --timestamps`,
    );
    cleanups.push(() => tm.close());
    const screen = await tm.waitFor(/<< SMP write-rsp os\/echo seq 0 \{"r":"hello"\}/);
    expect(screen).toMatch(/\[\d\d:\d\d:\d\d\.\d{3}\] >> SMP write os\/echo seq 0 \{"d":"hello"\}/);
    expect(screen).toMatch(/<inf> fareader_panel: tick/);
    expect(screen).toMatch(/hex 02000009/);
  });

  it('sends what is typed, decodes PN532 answers, shows hex and keeps a log', async () => {
    const p = await pty();
    const dev = await SerialPortTransport.open({ path: p.devicePath, baudRate: 115200 });
    cleanups.push(() => dev.close());
    const typed: number[] = [];
    dev.on('data', (b) => typed.push(...b));
    const log = join(mkdtempSync(join(tmpdir(), 'console-log-')), 'console.log');
    cleanups.push(() => rmSync(log, { force: true }));
    const tm = new TmuxScreen(`node ${readerctl} console --port ${p.hostPath} --decode pn532 --log ${log}`);
    cleanups.push(() => tm.close());
    await tm.waitFor(/\[console\] connected/);
    await dev.write(concatBytes(ACK, encodeFrame(0xd5, fromHex('0332010607'))));
    await tm.waitFor(/<< PN532 GetFirmwareVersion response IC 0x32 ver 1\.6 support 0x7 \(Type B\)/);
    expect(tm.screen()).toMatch(/<< PN532 ACK/);
    tm.keys('abc');
    await new Promise((r) => setTimeout(r, 500));
    expect(Buffer.from(typed).toString()).toBe('abc');
    tm.keys('C-t', 'x');
    await tm.waitFor(/hex on/);
    expect(existsSync(log) && readFileSync(log, 'utf8')).toMatch(/GetFirmwareVersion response/);
  });

  it('renders readerd logs and says when the port goes away and comes back', async () => {
    const p = await pty();
    let dev = await SerialPortTransport.open({ path: p.devicePath, baudRate: 115200 });
    cleanups.push(() => dev.close());
    const tm = new TmuxScreen(`node ${readerctl} console --port ${p.hostPath} --decode readerd`);
    cleanups.push(() => tm.close());
    await tm.waitFor(/\[console\] connected/);
    await dev.write(
      utf8('{"time":"2026-11-23T01:02:03.456Z","level":"warn","ns":"link","msg":"broker lost"}\n'),
    );
    await tm.waitFor(/01:02:03\.456 WARN {2}link: broker lost/);
    await dev.close();
    await p.unplug();
    await p.replug();
    dev = await SerialPortTransport.open({ path: p.devicePath, baudRate: 115200 });
    tm.keys('x'); // the write to the dead port is what reveals it on a pty
    await tm.waitFor(/port disconnected/);
    await tm.waitFor(/port reconnected/);
    await dev.write(utf8('{"level":"info","ns":"link","msg":"back"}\n'));
    await tm.waitFor(/INFO {2}link: back/);
  });
});
