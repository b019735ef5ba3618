// The card side of ISO/IEC 14443-3 Type B and 14443-4 (ISO-DEP) for an emulated card in
// the PN532's field: REQB/WUPB → ATQB, ATTRIB, HLTB, then I-, R- and S-blocks with block
// numbers, CID, chaining in both directions and DESELECT, as the standard's PICC rules say.
// Frames here are without CRC_B (the PN532's CIU adds and checks it unless told not to).
import { concatBytes } from '../../protocol/bytes.js';
import type { MyNumberCard } from '../card/mynumber-emulator.js';

type PiccState = 'idle' | 'ready' | 'active' | 'halt';

/** FSDI/FSCI → frame size (ISO/IEC 14443-3 table). */
const FRAME_SIZES = [16, 24, 32, 40, 48, 64, 96, 128, 256];
export const frameSize = (code: number): number => FRAME_SIZES[Math.min(code, 8)]!;

/** CRC_B of ISO/IEC 14443-3 (CRC-16/X.25), low byte first on the air. */
export function crcB(data: Uint8Array): Uint8Array {
  let crc = 0xffff;
  for (const b of data) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  crc = ~crc & 0xffff;
  return Uint8Array.of(crc & 0xff, crc >> 8);
}

export class TypeBPicc {
  state: PiccState = 'idle';
  /** CID assigned by ATTRIB. */
  cid = 0;
  /** Largest frame the PCD accepts (FSD from ATTRIB), CRC included. */
  private fsd = 256;
  private blockNumber = 1;
  private lastBlock?: Uint8Array;
  /** C-APDU parts received with the chaining bit set. */
  private rxChain: Uint8Array[] = [];
  /** R-APDU bytes still to send in chained I-blocks. */
  private txRest?: Uint8Array;
  /** The card left the field in the middle of a command. */
  gone = false;

  constructor(readonly card: MyNumberCard) {}

  /** The RF field went off or on: the card starts again from IDLE. */
  powerCycle(): void {
    this.state = 'idle';
    this.card.deselect();
    this.rxChain = [];
    this.txRest = undefined;
    this.lastBlock = undefined;
  }

  /** Protocol info byte 3 (FWI, ADC, FO): bit 0 = CID supported. */
  get supportsCid(): boolean {
    return (this.card.atqb[11]! & 0x01) !== 0;
  }

  /** One frame from the PCD (no CRC); the answer, or undefined when the card stays silent. */
  receive(frame: Uint8Array): Uint8Array | undefined {
    if (this.gone || frame.length === 0) return undefined;
    if (this.state === 'active') return this.block(frame);
    const cmd = frame[0]!;
    if (cmd === 0x05 && frame.length === 3) return this.request(frame);
    if (cmd === 0x1d && frame.length >= 9 && this.state === 'ready') return this.attrib(frame);
    if (cmd === 0x50 && frame.length === 5 && this.pupiMatches(frame, 1)) {
      this.state = 'halt';
      return Uint8Array.of(0x00);
    }
    return undefined;
  }

  private pupiMatches(frame: Uint8Array, at: number): boolean {
    for (let i = 0; i < 4; i++) if (frame[at + i] !== this.card.atqb[1 + i]) return false;
    return true;
  }

  /** REQB/WUPB: APf 05, AFI, PARAM (bit 3 = WUPB). A HALTed card answers only WUPB. */
  private request(frame: Uint8Array): Uint8Array | undefined {
    const afi = frame[1]!;
    const wakeUp = (frame[2]! & 0x08) !== 0;
    const appFamily = this.card.atqb[5]!;
    if (afi !== 0 && afi !== appFamily && (afi & 0x0f) !== 0) return undefined;
    if (this.state === 'halt' && !wakeUp) return undefined;
    this.state = 'ready';
    return this.card.atqb;
  }

  /** ATTRIB: 1D PUPI(4) Param1 Param2(FSDI) Param3 Param4(CID) [higher-layer INF]. */
  private attrib(frame: Uint8Array): Uint8Array | undefined {
    if (!this.pupiMatches(frame, 1)) return undefined;
    this.fsd = frameSize(frame[6]! & 0x0f);
    this.cid = this.supportsCid ? frame[8]! & 0x0f : 0;
    this.state = 'active';
    this.blockNumber = 1;
    this.lastBlock = undefined;
    // MBLI 0 (no limit announced) | the CID we took.
    return Uint8Array.of(this.cid);
  }

  /** The answer of a block, remembered for an R(NAK) that asks for it again. */
  private send(pcb: number, inf: Uint8Array = new Uint8Array(), withCid = false): Uint8Array {
    const b = concatBytes(
      Uint8Array.of(pcb | (withCid ? 0x08 : 0)),
      withCid ? Uint8Array.of(this.cid) : new Uint8Array(),
      inf,
    );
    this.lastBlock = b;
    return b;
  }

  private block(frame: Uint8Array): Uint8Array | undefined {
    const pcb = frame[0]!;
    const kind = pcb & 0xc0;
    const hasCid = (pcb & 0x08) !== 0;
    if (hasCid) {
      if (frame.length < 2 || (frame[1]! & 0x0f) !== this.cid) return undefined;
    } else if (this.cid !== 0) return undefined; // a block for CID 0 is not ours
    let at = hasCid ? 2 : 1;
    if (kind === 0x00) {
      if ((pcb & 0x22) !== 0x02) return undefined; // I-block: b6 = 0, b2 = 1
      if (pcb & 0x04) at++; // NAD: carried, not used
      return this.iBlock(pcb, frame.subarray(at), hasCid);
    }
    if (kind === 0x80) {
      if ((pcb & 0x26) !== 0x22) return undefined; // R-block: b6 = 1, b2 = 1, b3 = 0
      return this.rBlock(pcb, hasCid);
    }
    if (kind === 0xc0) {
      if ((pcb & 0x37) === 0x02) {
        // S(DESELECT): answer it, then HALT.
        const r = this.send(0xc2, undefined, hasCid);
        this.state = 'halt';
        this.card.deselect();
        return r;
      }
      return undefined; // S(WTX) answers are only valid after our own WTX request
    }
    return undefined;
  }

  private iBlock(pcb: number, inf: Uint8Array, withCid: boolean): Uint8Array | undefined {
    this.blockNumber ^= 1; // rule D: toggle on every I-block received
    this.rxChain.push(inf.slice());
    if (pcb & 0x10) return this.send(0xa2 | this.blockNumber, undefined, withCid); // R(ACK): go on
    const apdu = concatBytes(...this.rxChain);
    this.rxChain = [];
    const r = this.card.process(apdu);
    if (!r) {
      this.gone = true; // it left the field mid-command: nothing more comes back
      return undefined;
    }
    this.txRest = r;
    return this.nextChunk(withCid);
  }

  /** The next I-block of the R-APDU, chained (b5) while more than one frame remains. */
  private nextChunk(withCid: boolean): Uint8Array {
    const room = this.fsd - 3 - (withCid ? 1 : 0); // PCB, CID and CRC_B take the rest
    const all = this.txRest!;
    const part = all.subarray(0, room);
    this.txRest = all.length > room ? all.subarray(room) : undefined;
    return this.send((this.txRest ? 0x12 : 0x02) | this.blockNumber, part, withCid);
  }

  private rBlock(pcb: number, withCid: boolean): Uint8Array | undefined {
    const nak = (pcb & 0x10) !== 0;
    const bn = pcb & 0x01;
    if (nak) {
      // Rule 11: our block number again → repeat the last block; otherwise R(ACK).
      if (bn === this.blockNumber && this.lastBlock) return this.lastBlock;
      return this.send(0xa2 | this.blockNumber, undefined, withCid);
    }
    if (bn === this.blockNumber) return this.lastBlock; // rule 12: ACK of an old block
    this.blockNumber ^= 1; // rule E
    if (this.txRest) return this.nextChunk(withCid);
    return this.send(0xa2 | this.blockNumber, undefined, withCid);
  }
}
