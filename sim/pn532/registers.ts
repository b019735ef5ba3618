// The PN532's register space as ReadRegister/WriteRegister see it: the CIU (contactless
// interface unit, 0x6301–0x633F) with its reset values, the 8051 SFRs the firmware exposes
// (P3, P7 for the GPIOs), and the rest of XRAM as plain memory. Reads of an address never
// written give its reset value or 00, as on the chip: the PN532 answers ReadRegister for
// any 16-bit address.
export const Reg = {
  Mode: 0x6301,
  TxMode: 0x6302,
  RxMode: 0x6303,
  TxControl: 0x6304,
  TxAuto: 0x6305,
  TxSel: 0x6306,
  RxSel: 0x6307,
  RxThreshold: 0x6308,
  Demod: 0x6309,
  MifNfc: 0x630c,
  ManualRcv: 0x630d,
  TypeB: 0x630e,
  GsNOff: 0x6313,
  ModWidth: 0x6314,
  TxBitPhase: 0x6315,
  RfCfg: 0x6316,
  GsNOn: 0x6317,
  CwGsP: 0x6318,
  ModGsP: 0x6319,
  TMode: 0x631a,
  TPrescaler: 0x631b,
  TReloadHi: 0x631c,
  TReloadLo: 0x631d,
  TCounterHi: 0x631e,
  TCounterLo: 0x631f,
  Command: 0x6331,
  CommIEn: 0x6332,
  DivIEn: 0x6333,
  CommIrq: 0x6334,
  DivIrq: 0x6335,
  Error: 0x6336,
  Status1: 0x6337,
  Status2: 0x6338,
  FifoData: 0x6339,
  FifoLevel: 0x633a,
  WaterLevel: 0x633b,
  Control: 0x633c,
  BitFraming: 0x633d,
  Coll: 0x633e,
  /** SFR P3 (GPIO P30–P35) and P7 (P71, P72). */
  P3: 0xffb0,
  P7: 0xfff7,
} as const;

/** TxMode/RxMode: bit 7 = CRC on, bits 4–6 = speed, bits 0–1 = framing (3 = Type B). */
export const CRC_ENABLE = 0x80;
export const FRAMING_MASK = 0x03;
export const FRAMING_TYPE_B = 0x03;

/** Reset values (PN532 data sheet, CIU register tables; SFR port latches high). */
const RESET: ReadonlyMap<number, number> = new Map([
  [Reg.Mode, 0x3b],
  [Reg.TxMode, 0x00],
  [Reg.RxMode, 0x00],
  [Reg.TxControl, 0x80],
  [Reg.TxAuto, 0x00],
  [Reg.TxSel, 0x10],
  [Reg.RxSel, 0x84],
  [Reg.RxThreshold, 0x84],
  [Reg.Demod, 0x4d],
  [Reg.MifNfc, 0x62],
  [Reg.ManualRcv, 0x00],
  [Reg.TypeB, 0x00],
  [Reg.GsNOff, 0x88],
  [Reg.ModWidth, 0x26],
  [Reg.TxBitPhase, 0x87],
  [Reg.RfCfg, 0x48],
  [Reg.GsNOn, 0x88],
  [Reg.CwGsP, 0x20],
  [Reg.ModGsP, 0x20],
  [Reg.Command, 0x20],
  [Reg.CommIEn, 0x80],
  [Reg.CommIrq, 0x14],
  [Reg.Status1, 0x21],
  [Reg.WaterLevel, 0x08],
  [Reg.Control, 0x10],
  [Reg.Coll, 0x80],
  [Reg.P3, 0xff],
  [Reg.P7, 0xff],
]);

export class RegisterFile {
  private readonly values = new Map<number, number>();

  read(addr: number): number {
    return this.values.get(addr) ?? RESET.get(addr) ?? 0x00;
  }

  write(addr: number, value: number): void {
    this.values.set(addr, value & 0xff);
  }

  /** Read-modify-write of some bits, as the firmware does for its own settings. */
  update(addr: number, mask: number, value: number): void {
    this.write(addr, (this.read(addr) & ~mask) | (value & mask));
  }

  /** Framing and speed the firmware sets before it talks to a target of this kind. */
  setModulation(mode: { framing: number; speed: number }): void {
    const v = CRC_ENABLE | (mode.speed << 4) | mode.framing;
    this.write(Reg.TxMode, v);
    this.write(Reg.RxMode, v);
  }
}
