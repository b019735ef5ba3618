// The emulated appliance's composition root: readerd's composition (reader-composition.ts) on
// the emulated hardware, with the CCID reader emulator's USB bus in place of the real one, so
// the rig, the demo and the tests run the same readerd services on either card module. The
// configuration says which module ($.cardModule.type); a PN532 is found on its pty as usual.
import { EMULATED_OPTIONS, EMULATED_USAGE, emulatedSeams } from './emulated-seams.js';
import { mainOf } from './run-reader.js';

const HELP = `Usage: emulated-readerd --config FILE ${EMULATED_USAGE}

readerd's services on the emulated appliance. With $.cardModule.type "ccid" the card module is
the emulated USB CCID reader served by the appliance rig on the Unix socket --usb SOCKET.
For the demo, the tests and the conformance kit's reference appliance; never a reader in service.`;

mainOf({ prog: 'emulated-readerd', help: HELP, options: EMULATED_OPTIONS, seams: emulatedSeams });
