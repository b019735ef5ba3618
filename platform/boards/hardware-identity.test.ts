// The reader's model and serial come from the board's own files, never from its configuration.
import { describe, expect, it } from 'vitest';
import { readHardwareIdentity } from './hardware-identity.js';

const files =
  (m: Record<string, string>) =>
  (p: string): string | undefined =>
    m[p];

describe('hardware identity', () => {
  it('a Raspberry Pi: the device tree model and SoC serial (NUL-terminated strings)', () => {
    const id = readHardwareIdentity(
      'rpi5-uvc-pn532',
      files({
        '/sys/firmware/devicetree/base/model': 'Raspberry Pi 5 Model B Rev 1.0\0',
        '/sys/firmware/devicetree/base/serial-number': '10000000abcdef12\0',
        '/etc/machine-id': '0123456789abcdef0123456789abcdef\n',
      }),
    );
    expect(id).toEqual({
      model: 'fareader rpi5-uvc-pn532 (Raspberry Pi 5 Model B Rev 1.0)',
      serial: '10000000abcdef12',
      emulated: false,
    });
  });

  it('a PC: DMI placeholders are no serial; the machine id is said to be one', () => {
    const id = readHardwareIdentity(
      'x86-uvc-ccid',
      files({
        '/sys/class/dmi/id/product_name': 'NUC11TNHi5\n',
        '/sys/class/dmi/id/product_serial': 'To be filled by O.E.M.\n',
        '/etc/machine-id': '0123456789abcdef0123456789abcdef\n',
      }),
    );
    expect(id.model).toBe('fareader x86-uvc-ccid (NUC11TNHi5)');
    expect(id.serial).toBe('machine-id:0123456789abcdef0123456789abcdef');
  });

  it('garbage in a board file does not reach the birth as is; nothing readable says so', () => {
    const id = readHardwareIdentity(
      undefined,
      files({ '/sys/class/dmi/id/product_serial': '\x01\x02AB\xffC\n' }),
    );
    expect(id.serial).toBe('ABC');
    expect(readHardwareIdentity(undefined, files({}))).toEqual({
      model: 'fareader custom board',
      serial: 'unknown (the board exposes no serial number)',
      emulated: false,
    });
  });

  it('this machine: a serial is read (the machine id at least)', () => {
    expect(readHardwareIdentity('x86-uvc-ccid').serial).not.toBe('');
  });
});
