// The seams of the emulated appliance: what readerd's composition gets instead of real
// hardware. The PN532 is on a pty (readerd opens it as it opens a serial port), so only the
// USB bus differs: the CCID reader emulator's bus, reached over a socket from the rig's
// process (sim/ccid/usb-socket-server.ts), behind the WebUSB interface the CCID driver uses.
import type { ReaderSeams } from '../../firmware-host/reader-composition.js';
import { connectMqtt } from '../../platform/link/mqtt-client.js';
import type { Logger } from '../../platform/log.js';
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { SocketUsbBus } from '../ccid/usb-socket-bus.js';

export const EMULATED_OPTIONS = { usb: { type: 'string' } } as const;
export const EMULATED_USAGE = '[--usb SOCKET]';

export function emulatedSeams(values: Record<string, unknown>, log: Logger): ReaderSeams {
  const socket = typeof values.usb === 'string' ? values.usb : undefined;
  return {
    connect: connectMqtt,
    usbBus: () => {
      if (!socket)
        throw new ReaderError(
          ErrorCode.Config_Invalid,
          'the emulated appliance has no USB bus: its CCID reader needs --usb SOCKET (the rig serves it)',
        );
      return new SocketUsbBus(socket, log.child('usb'));
    },
  };
}
