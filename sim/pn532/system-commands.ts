// PN532 miscellaneous commands (user manual §7.2): Diagnose, GetFirmwareVersion,
// GetGeneralStatus, Read/WriteRegister, Read/WriteGPIO, SetParameters, SAMConfiguration,
// RFConfiguration. Malformed parameters get the application error frame, as on the chip.
import { type Answer, ERROR_ANSWER, NO_ANSWER, type Pn532Chip, pause } from './chip.js';
import { Reg } from './registers.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

export async function diagnose(chip: Pn532Chip, a: Uint8Array, signal: AbortSignal): Promise<Answer> {
  const test = a[0];
  switch (test) {
    case 0x00: // communication line test: the parameters come back as they were sent
      return Uint8Array.of(0x01, ...a);
    case 0x01: // ROM checksum
    case 0x02: // RAM test
      if (a.length !== 1) return ERROR_ANSWER;
      return bytes(0x01, 0x00);
    case 0x04: {
      // polling test to a FeliCa target at 212/424 kbps: 128 polls, answer = failures
      if (a.length !== 2 || (a[1] !== 0x01 && a[1] !== 0x02)) return ERROR_ANSWER;
      if (!(await pause(60, signal))) return NO_ANSWER;
      return bytes(0x01, 0x80); // no FeliCa card here: all 128 fail
    }
    case 0x05: // echo back: the chip acts as a target echoing frames until the next command
      if (a.length !== 4) return ERROR_ANSWER;
      return NO_ANSWER;
    case 0x06: {
      // attention request / card presence: a PN533 feature the PN532 refuses
      if (!chip.attentionTest || a.length !== 1) return ERROR_ANSWER;
      const t = chip.targets[0];
      const present = t !== undefined && chip.reachable(t);
      if (!present && !(await pause(chip.comTimeoutMs, signal))) return NO_ANSWER;
      return bytes(0x01, present ? 0x00 : 0x01);
    }
    case 0x07: // self antenna test: antenna detected, levels in range
      if (a.length !== 2) return ERROR_ANSWER;
      return bytes(0x01, 0x00);
    default:
      return ERROR_ANSWER;
  }
}

export function firmwareVersion(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length) return ERROR_ANSWER;
  return bytes(0x03, ...chip.firmware);
}

/** Err, Field, NbTg, per target Tg BrRx BrTx Type (0 = 106 kbps, Type A/B family), SAM status. */
export function generalStatus(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length) return ERROR_ANSWER;
  const tgs = chip.targets.filter((t) => t.selected);
  return bytes(
    0x05,
    chip.lastError,
    chip.rfOn ? 1 : 0,
    tgs.length,
    ...tgs.flatMap((t) => [t.tg, 0x00, 0x00, 0x00]),
    0x00,
  );
}

export function readRegister(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length === 0 || a.length % 2 !== 0) return ERROR_ANSWER;
  const out = [0x07];
  for (let i = 0; i < a.length; i += 2) out.push(chip.regs.read((a[i]! << 8) | a[i + 1]!));
  return Uint8Array.from(out);
}

export function writeRegister(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length === 0 || a.length % 3 !== 0) return ERROR_ANSWER;
  for (let i = 0; i < a.length; i += 3) chip.regs.write((a[i]! << 8) | a[i + 1]!, a[i + 2]!);
  return bytes(0x09);
}

/** P3 (P30–P35), P7 (P71, P72), IOI1 (I0, I1 select the host interface: HSU = 00). */
export function readGpio(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length) return ERROR_ANSWER;
  return bytes(0x0d, chip.regs.read(Reg.P3) & 0x3f, chip.regs.read(Reg.P7) & 0x06, 0x00);
}

/** Each byte applies only with its validation bit (0x80) set. */
export function writeGpio(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length !== 2) return ERROR_ANSWER;
  if (a[0]! & 0x80) chip.regs.update(Reg.P3, 0x3f, a[0]!);
  if (a[1]! & 0x80) chip.regs.update(Reg.P7, 0x06, a[1]!);
  return bytes(0x0f);
}

export function setParameters(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length !== 1) return ERROR_ANSWER;
  chip.parameters = a[0]!;
  return bytes(0x13);
}

/** Mode 1 normal, 2 virtual card (needs a timeout), 3 wired card, 4 dual card. */
export function samConfiguration(chip: Pn532Chip, a: Uint8Array): Answer {
  const mode = a[0];
  if (mode === undefined || mode < 1 || mode > 4 || a.length > 3) return ERROR_ANSWER;
  if (mode === 2 && a.length < 2) return ERROR_ANSWER;
  chip.samMode = mode;
  return bytes(0x15);
}

/** Item → number of configuration bytes. */
const RF_ITEMS: Record<number, number> = { 1: 1, 2: 3, 4: 1, 5: 3, 10: 11, 11: 8, 12: 3, 13: 9 };

export function rfConfiguration(chip: Pn532Chip, a: Uint8Array): Answer {
  const item = a[0];
  const data = a.subarray(1);
  if (item === undefined || RF_ITEMS[item] !== data.length) return ERROR_ANSWER;
  switch (item) {
    case 0x01:
      chip.setField((data[0]! & 0x01) !== 0);
      break;
    case 0x02:
      chip.timings = [data[0]!, data[1]!, data[2]!];
      break;
    case 0x04:
      chip.maxRetryCom = data[0]!;
      break;
    case 0x05:
      chip.maxRetries = [data[0]!, data[1]!, data[2]!];
      break;
    default:
      chip.analog.set(item, data.slice());
  }
  return bytes(0x33);
}
