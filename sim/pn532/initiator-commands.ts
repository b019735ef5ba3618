// PN532 initiator commands (user manual §7.3): InListPassiveTarget, InAutoPoll (the card
// of the field is a Type B ISO-DEP card; Type A, FeliCa, Jewel and DEP polls find nothing),
// InDataExchange (the firmware's own ISO-DEP: blocks, CID, chaining both ways, MI towards
// the host), InCommunicateThru (raw frames with the CIU's framing and CRC settings),
// InDeselect, InRelease, InSelect, and the DEP and target-mode commands with no partner.
import { concatBytes } from '../../protocol/bytes.js';
import { MI } from '../../protocol/pn532/commands.js';
import { type Answer, ERROR_ANSWER, NO_ANSWER, type Pn532Chip, pause, Status, type Target } from './chip.js';
import { CRC_ENABLE, FRAMING_MASK, FRAMING_TYPE_B, Reg } from './registers.js';
import { crcB, frameSize, type TypeBPicc } from './type-b-picc.js';

/** Data bytes of an InDataExchange answer per frame: 255 − TFI − code − status. */
const CHUNK = 252;
/** One REQB/REQA/polling attempt of the firmware. */
const ATTEMPT_MS = 10;
/** FSDI the firmware puts in ATTRIB: 64-byte frames (a known PN532 quirk). */
const PN532_FSDI = 0x05;

/** InListPassiveTarget BrTy → the CIU framing and speed it uses. */
const BRTY_MODULATION: Record<number, { framing: number; speed: number } | undefined> = {
  0: { framing: 0x00, speed: 0 }, // 106 kbps Type A
  1: { framing: 0x02, speed: 1 }, // 212 kbps FeliCa
  2: { framing: 0x02, speed: 2 }, // 424 kbps FeliCa
  3: { framing: FRAMING_TYPE_B, speed: 0 }, // 106 kbps Type B
  4: { framing: 0x00, speed: 0 }, // 106 kbps Innovision Jewel
};

/** REQB (AFI) then ATTRIB: the activated target, or undefined when no Type B card answers. */
function activateTypeB(chip: Pn532Chip, tg: number, afi: number, wakeUp = false): Target | undefined {
  const picc = chip.picc;
  if (!picc) return undefined;
  const atqb = picc.receive(Uint8Array.of(0x05, afi, wakeUp ? 0x08 : 0x00));
  if (!atqb || (atqb[10]! & 0x01) === 0) return undefined; // not ISO/IEC 14443-4 compliant
  const attrib = Uint8Array.of(0x1d, ...atqb.subarray(1, 5), 0x00, PN532_FSDI, 0x01, tg & 0x0f);
  const res = picc.receive(attrib);
  if (!res) return undefined;
  return { tg, picc, selected: true, blockNumber: 0, hostChain: [] };
}

function targetData(t: Target): number[] {
  const attribRes = [t.picc.cid];
  return [t.tg, ...t.picc.card.atqb, attribRes.length, ...attribRes];
}

/** Polling attempts allowed by MxRtyPassiveActivation (FF = until a card comes or the host aborts). */
async function pollUntil<T>(
  chip: Pn532Chip,
  signal: AbortSignal,
  attempt: () => T | undefined,
): Promise<T | undefined | typeof NO_ANSWER> {
  const retries = chip.maxRetries[2];
  for (let i = 0; retries === 0xff || i <= retries; i++) {
    const r = attempt();
    if (r !== undefined) return r;
    if (!(await pause(ATTEMPT_MS, signal))) return NO_ANSWER;
  }
  return undefined;
}

export async function inListPassiveTarget(
  chip: Pn532Chip,
  a: Uint8Array,
  signal: AbortSignal,
): Promise<Answer> {
  const maxTg = a[0]!;
  const brTy = a[1]!;
  const mod = BRTY_MODULATION[brTy];
  if (a.length < 2 || maxTg < 1 || maxTg > 2 || !mod) return ERROR_ANSWER;
  if (brTy === 0x03 && a.length < 3) return ERROR_ANSWER; // Type B needs the AFI
  if ((brTy === 0x01 || brTy === 0x02) && a.length < 7) return ERROR_ANSWER; // FeliCa polling payload
  chip.setField(true);
  chip.regs.setModulation(mod);
  chip.targets = [];
  const found = await pollUntil(chip, signal, () =>
    brTy === 0x03 ? activateTypeB(chip, 1, a[2]!) : undefined,
  );
  if (found === NO_ANSWER) return NO_ANSWER;
  if (!found) return Uint8Array.of(0x4b, 0x00);
  chip.targets = [found];
  return Uint8Array.of(0x4b, 0x01, ...targetData(found));
}

/** InAutoPoll target types that a Type B ISO-DEP card answers. */
const TYPE_B_TYPES = new Set([0x03, 0x23]);
const KNOWN_TYPES = new Set([
  0x00, 0x01, 0x02, 0x03, 0x04, 0x10, 0x11, 0x12, 0x20, 0x23, 0x40, 0x41, 0x42, 0x80, 0x81, 0x82,
]);

export async function inAutoPoll(chip: Pn532Chip, a: Uint8Array, signal: AbortSignal): Promise<Answer> {
  const pollNr = a[0]!;
  const period = a[1]!;
  const types = a.subarray(2);
  if (a.length < 3 || types.length > 15 || pollNr === 0 || period < 1 || period > 15) return ERROR_ANSWER;
  if (!types.every((t) => KNOWN_TYPES.has(t))) return ERROR_ANSWER;
  chip.setField(true);
  chip.targets = [];
  for (let n = 0; pollNr === 0xff || n < pollNr; n++) {
    for (const type of types) {
      if (!TYPE_B_TYPES.has(type)) continue;
      chip.regs.setModulation({ framing: FRAMING_TYPE_B, speed: 0 });
      const t = activateTypeB(chip, 1, 0x00);
      if (t) {
        chip.targets = [t];
        const data = targetData(t);
        return Uint8Array.of(0x61, 0x01, type, data.length, ...data);
      }
    }
    if (!(await pause(period * 150, signal))) return NO_ANSWER;
  }
  return Uint8Array.of(0x61, 0x00);
}

/** One ISO-DEP block to the target's card and its answer; undefined on RF timeout. */
function transceive(t: Target, pcb: number, inf: Uint8Array = new Uint8Array()): Uint8Array | undefined {
  return t.picc.receive(concatBytes(Uint8Array.of(pcb | 0x08, t.picc.cid), inf));
}

/** The PCD side of ISO/IEC 14443-4 for one C-APDU: a status byte, or the R-APDU. */
function isoDepExchange(t: Target, apdu: Uint8Array): Uint8Array | number {
  const fsc = frameSize(t.picc.card.atqb[10]! >> 4);
  const room = fsc - 4; // PCB, CID, CRC_B
  let rest = apdu;
  let answer: Uint8Array | undefined;
  do {
    const part = rest.subarray(0, room);
    rest = rest.subarray(part.length);
    answer = transceive(t, 0x02 | (rest.length ? 0x10 : 0) | t.blockNumber, part);
    if (!answer) return Status.Timeout;
    if (rest.length) {
      if ((answer[0]! & 0xf6) !== 0xa2 || (answer[0]! & 1) !== t.blockNumber) return 0x0b;
      t.blockNumber ^= 1;
    }
  } while (rest.length);
  const parts: Uint8Array[] = [];
  for (;;) {
    const pcb = answer[0]!;
    if ((pcb & 0xe2) !== 0x02 || (pcb & 1) !== t.blockNumber) return 0x0b; // RF protocol error
    t.blockNumber ^= 1;
    parts.push(answer.subarray(pcb & 0x08 ? 2 : 1));
    if (!(pcb & 0x10)) return concatBytes(...parts);
    answer = transceive(t, 0xa2 | t.blockNumber);
    if (!answer) return Status.Timeout;
  }
}

function chunk(t: Target): Uint8Array {
  const all = t.pendingChain!;
  const part = all.subarray(0, CHUNK);
  t.pendingChain = all.length > CHUNK ? all.subarray(CHUNK) : undefined;
  return concatBytes(Uint8Array.of(0x41, t.pendingChain ? MI : 0x00), part);
}

export async function inDataExchange(chip: Pn532Chip, a: Uint8Array, signal: AbortSignal): Promise<Answer> {
  if (a.length < 1) return ERROR_ANSWER;
  const t = chip.target(a[0]!);
  const data = a.subarray(1);
  const status = (s: number): Uint8Array => {
    chip.lastError = s;
    return Uint8Array.of(0x41, s);
  };
  if (!t?.selected) return status(Status.NotAcceptable);
  if (data.length === 0 && t.pendingChain) return chunk(t);
  t.pendingChain = undefined;
  if (a[0]! & MI) {
    t.hostChain.push(data.slice()); // the host chains a long C-APDU: more comes
    return status(Status.Ok);
  }
  const apdu = concatBytes(...t.hostChain, data);
  t.hostChain = [];
  const r = chip.reachable(t) ? isoDepExchange(t, apdu) : Status.Timeout;
  if (typeof r === 'number') {
    if (r === Status.Timeout && !(await pause(chip.comTimeoutMs, signal))) return NO_ANSWER;
    return status(r);
  }
  chip.lastError = 0;
  t.pendingChain = r;
  return chunk(t);
}

/** A raw frame with the CIU's current framing; only a Type B card at 106 kbps is in the field. */
// No data at all is a listen-only exchange (libnfc's Thinfilm barcode probe): nothing talks.
export async function inCommunicateThru(
  chip: Pn532Chip,
  a: Uint8Array,
  signal: AbortSignal,
): Promise<Answer> {
  const tx = chip.regs.read(Reg.TxMode);
  const rx = chip.regs.read(Reg.RxMode);
  let frame: Uint8Array | undefined = a.length ? a : undefined;
  if (frame && !(tx & CRC_ENABLE)) {
    // The host framed the CRC itself: a card ignores a frame whose CRC_B is wrong.
    const body = a.subarray(0, a.length - 2);
    const crc = crcB(body);
    frame = a.length > 2 && crc[0] === a[a.length - 2] && crc[1] === a[a.length - 1] ? body : undefined;
  }
  const hears = chip.rfOn && chip.picc && (tx & FRAMING_MASK) === FRAMING_TYPE_B && (tx & 0x70) === 0;
  const picc: TypeBPicc | undefined = hears ? chip.picc : undefined;
  const answer = frame && picc ? picc.receive(frame) : undefined;
  if (!answer) {
    if (!(await pause(chip.comTimeoutMs, signal))) return NO_ANSWER;
    chip.lastError = Status.Timeout;
    return Uint8Array.of(0x43, Status.Timeout);
  }
  chip.lastError = 0;
  return concatBytes(Uint8Array.of(0x43, 0x00), answer, rx & CRC_ENABLE ? new Uint8Array() : crcB(answer));
}

/** S(DESELECT) to each matching target (Tg 0 = all): the card goes to HALT. */
function deselect(chip: Pn532Chip, tg: number): Target[] {
  const hit = chip.targets.filter((t) => tg === 0 || t.tg === tg);
  for (const t of hit) {
    if (t.selected && chip.reachable(t)) transceive(t, 0xc2);
    t.selected = false;
  }
  return hit;
}

export function inDeselect(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length !== 1) return ERROR_ANSWER;
  const hit = deselect(chip, a[0]!);
  return Uint8Array.of(0x45, hit.length || a[0] === 0 ? Status.Ok : Status.NotAcceptable);
}

export function inRelease(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length !== 1) return ERROR_ANSWER;
  const hit = deselect(chip, a[0]!);
  chip.targets = chip.targets.filter((t) => !hit.includes(t));
  return Uint8Array.of(0x53, hit.length || a[0] === 0 ? Status.Ok : Status.NotAcceptable);
}

/** Wakes a deselected Type B target (WUPB, ATTRIB with its CID again). */
export function inSelect(chip: Pn532Chip, a: Uint8Array): Answer {
  if (a.length !== 1) return ERROR_ANSWER;
  const t = chip.target(a[0]!);
  if (!t) return Uint8Array.of(0x55, Status.NotAcceptable);
  if (t.selected) return Uint8Array.of(0x55, Status.Ok);
  const again = chip.reachable(t) ? activateTypeB(chip, t.tg, 0x00, true) : undefined;
  if (!again) return Uint8Array.of(0x55, Status.Timeout);
  chip.targets = chip.targets.map((x) => (x === t ? again : x));
  return Uint8Array.of(0x55, Status.Ok);
}

/** InJumpForDEP/InJumpForPSL: no NFC-DEP target ever answers in this field. */
export function jumpNoPartner(
  code: number,
): (chip: Pn532Chip, a: Uint8Array, signal: AbortSignal) => Promise<Answer> {
  return async (chip, a, signal) => {
    if (a.length < 3) return ERROR_ANSWER;
    chip.setField(true);
    if (!(await pause(ATTEMPT_MS * 4, signal))) return NO_ANSWER;
    chip.lastError = Status.Timeout;
    return Uint8Array.of(code + 1, Status.Timeout);
  };
}

/** Commands that need a target the chip does not have: status "not acceptable". */
export function notAcceptable(code: number): (chip: Pn532Chip, a: Uint8Array) => Answer {
  return (chip) => {
    chip.lastError = Status.NotAcceptable;
    return Uint8Array.of(code + 1, Status.NotAcceptable);
  };
}
