// The conformance kit's misbehaving reference appliance: the emulated appliance composed with
// the faults asked for, each a decorator of one seam (sim/faults/reader-faults.ts). Only the
// kit's can-fail proof runs it (through the appliance rig); readerd itself has no such switch.
import { ErrorCode, ReaderError } from '../../protocol/errors.js';
import { FAULT_NAMES, type ReaderFault, withFaults } from '../faults/reader-faults.js';
import { EMULATED_OPTIONS, EMULATED_USAGE, emulatedSeams } from './emulated-seams.js';
import { mainOf } from './run-reader.js';

const HELP = `Usage: faulty-readerd --config FILE --fault NAME [--fault NAME…] ${EMULATED_USAGE}

The reference appliance misbehaving on purpose, for the conformance kit's self-test: readerd's
composition on the emulated hardware with each named fault decorating one of its seams.
Faults: ${FAULT_NAMES.join(', ')}.
Never a reader in service.`;

mainOf({
  prog: 'faulty-readerd',
  help: HELP,
  options: { ...EMULATED_OPTIONS, fault: { type: 'string', multiple: true } },
  seams: (values, log) => {
    const faults = (values.fault as string[] | undefined) ?? [];
    const unknown = faults.filter((f) => !FAULT_NAMES.includes(f as ReaderFault));
    if (!faults.length || unknown.length)
      throw new ReaderError(
        ErrorCode.Usage,
        `--fault: ${unknown.length ? `unknown ${unknown.join(', ')}` : 'at least one'} (known: ${FAULT_NAMES.join(', ')})`,
      );
    log.warn('FAULTS ACTIVE: this reader misbehaves on purpose', { faults });
    return withFaults(emulatedSeams(values, log), faults as ReaderFault[]);
  },
});
