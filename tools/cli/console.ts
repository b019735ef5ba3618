// readerctl console: a serial console in the class of tio/picocom.
import { readFileSync } from 'node:fs';
import { SerialPortTransport } from '../../device/serial/serialport-transport.js';
import { EXIT, positiveInt } from '../../platform/cli.js';
import { parseCommand } from '../../platform/cli-spec.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { ConsoleSession } from '../console/session.js';
import { resolvePort } from './serial-port-arg.js';
import { consoleCommandSpec } from './specs/console.js';

const KEYS = 'Ctrl-T: q quit, x hex, t timestamps, e echo, ? help';

export async function consoleCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand(consoleCommandSpec, argv);
  const parity = values.parity as 'none' | 'even' | 'odd';
  if (!['none', 'even', 'odd'].includes(parity))
    throw new ReaderError(ErrorCode.Usage, '--parity is none, even or odd');
  if (!['none', 'rtscts'].includes(values.flow!))
    throw new ReaderError(ErrorCode.Usage, '--flow is none or rtscts');
  if (values.decode && !['smp', 'pn532', 'readerd'].includes(values.decode)) {
    throw new ReaderError(ErrorCode.Usage, '--decode is smp, pn532 or readerd');
  }
  const stopBits = Number(values['stop-bits']);
  const dataBits = Number(values['data-bits']);
  if (stopBits !== 1 && stopBits !== 2) throw new ReaderError(ErrorCode.Usage, '--stop-bits is 1 or 2');
  if (![5, 6, 7, 8].includes(dataBits)) throw new ReaderError(ErrorCode.Usage, '--data-bits is 5, 6, 7 or 8');
  const sendBytes = values.send ? new Uint8Array(readFileSync(values.send)) : undefined;

  const path = await resolvePort(values.port, values.usb);
  const transport = await SerialPortTransport.open({
    path,
    baudRate: positiveInt(values.baud, '--baud', 115200),
    parity,
    stopBits,
    dataBits: dataBits as 5 | 6 | 7 | 8,
    rtscts: values.flow === 'rtscts',
    reopenEveryMs: values['no-reconnect'] ? 0 : 500,
  });
  const session = new ConsoleSession(
    transport,
    {
      hex: values.hex === true,
      timestamps: values.timestamps === true,
      localEcho: values.echo === true,
      decode: values.decode,
      logFile: values.log,
    },
    (t) => process.stdout.write(t),
  );
  session.status(
    `connected to ${path} at ${values.baud ?? 115200} baud${values.decode ? `, decoding ${values.decode}` : ''}. ${KEYS}`,
  );
  if (sendBytes) await session.send(sendBytes);

  return new Promise<number>((resolve) => {
    const finish = async (code: number): Promise<void> => {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      process.stdin.pause();
      await transport.close();
      resolve(code);
    };
    if (values['no-reconnect']) transport.on('close', () => void finish(EXIT.link));
    let prefix = false;
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
    const onKey = (k: string): void => {
      if (k === 'x') session.opts.hex = !session.opts.hex;
      else if (k === 't') session.opts.timestamps = !session.opts.timestamps;
      else if (k === 'e') session.opts.localEcho = !session.opts.localEcho;
      else return session.status(k === '?' ? KEYS : `unknown key after Ctrl-T; ${KEYS}`);
      const on = (v: boolean): string => (v ? 'on' : 'off');
      session.status(
        `hex ${on(session.opts.hex)}, timestamps ${on(session.opts.timestamps)}, echo ${on(session.opts.localEcho)}`,
      );
    };
    process.stdin.on('data', (chunk: Buffer) => {
      const pass: number[] = [];
      for (const b of chunk) {
        if (prefix) {
          prefix = false;
          if (b === 0x14) pass.push(b);
          else if (b === 0x71 /* q */) return void finish(EXIT.ok);
          else onKey(String.fromCharCode(b));
        } else if (b === 0x14) prefix = true;
        else pass.push(b);
      }
      if (pass.length) void session.send(Uint8Array.from(pass));
    });
    process.stdin.on('end', () => void finish(EXIT.ok));
    process.once('SIGTERM', () => void finish(EXIT.ok));
  });
}
