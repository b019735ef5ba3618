// Reads 照合番号B from the card face: the Japanese-era birth date, the expiry year and the
// security code, from their regions of the deskewed card. Two independent reads must agree:
// tesseract.js (trained data from @tesseract.js-data/eng, on disk; digits only) over the
// fields set on one line, and per-character template matching in the card's print face. The
// era is read by template matching. It never guesses: disagreement, low confidence or an
// implausible date means "re-place the card", since the card's counter for this key is scarce.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { canceled } from '../../platform/abortable.js';
import { CARD_FIELDS, ERA_KANJI, type Region } from '../../protocol/mynumber/card-face-layout.js';
import { cardFaceKeyB, type Era, fromEra, toEra } from '../../protocol/mynumber/mynumber.js';
import { locateCard, type RawFrame } from './card-locate.js';
import {
  classify,
  DIGIT_FONT,
  type GreyImage,
  glyph,
  prepareTemplate,
  type Template,
} from './digit-templates.js';

export type CardFaceRead =
  | { readonly ok: true; readonly keyB: string }
  | { readonly ok: false; readonly reason: string };

const require = createRequire(import.meta.url);
const DIGIT_FIELDS = ['birthYear', 'birthMonth', 'birthDay', 'expiryYear', 'securityCode'] as const;
type DigitField = (typeof DIGIT_FIELDS)[number];
const DIGIT_LENGTH: Record<DigitField, number> = {
  birthYear: 2,
  birthMonth: 2,
  birthDay: 2,
  expiryYear: 4,
  securityCode: 4,
};
/**
 * tessdata_best converted to integers (LSTM only, 2.9 MB): the OCR worker's memory is ~140 MB
 * with it against ~230 MB with the 4.0.0 data (legacy and LSTM, 10.9 MB) it replaced, and on
 * 150 generated cards (clean, degraded, harsh) it read every 照合番号B exactly as that did.
 */
const OCR_MODEL = '4.0.0_best_int';
const MIN_CELL_SCORE = 0.5;
const MIN_CELL_MARGIN = 0.05;
const MIN_ERA_SCORE = 0.55;
const MIN_ERA_MARGIN = 0.08;
/** Monospace advance of the printed digits: 0.602 em (DejaVu Sans Mono). */
const ADVANCE = 0.602;

function box(r: Region, dx: number, dy: number, padX = 2, padY = 4) {
  return { left: r.x + dx - padX, top: r.y + dy - padY, width: r.w + 2 * padX, height: r.h + 2 * padY };
}

export class CardFaceReader {
  private worker?: Worker;
  private eras?: Map<Era, Template>;
  private digits?: Template[];
  private cellWidth = 0;

  async init(): Promise<void> {
    if (this.worker) return;
    const langPath = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), OCR_MODEL);
    this.worker = await createWorker('eng', 1, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
      logger: () => {},
    });
    // The composed line carries no resolution: say so, or tesseract warns on every read.
    await this.worker.setParameters({
      tessedit_char_whitelist: '0123456789',
      tessedit_pageseg_mode: PSM.SINGLE_LINE,
      user_defined_dpi: '300',
      // Tesseract prints diagnostics for blank crops; they belong in no log.
      debug_file: '/dev/null',
    });
    const r = CARD_FIELDS.era;
    this.eras = new Map();
    for (const [era, kanji] of Object.entries(ERA_KANJI) as [Era, string][]) {
      this.eras.set(
        era,
        prepareTemplate(await glyph(kanji, "font-family='IPAGothic'", r.h - 8, r.w, r.h, 2)),
      );
    }
    const h = CARD_FIELDS.birthYear.h;
    this.cellWidth = Math.ceil((h - 8) * ADVANCE);
    this.digits = [];
    for (let d = 0; d < 10; d++)
      this.digits.push(prepareTemplate(await glyph(String(d), DIGIT_FONT, h - 8, this.cellWidth, h)));
  }

  /** The era, and the offset at which it matched: where the printed layout really stands. */
  private era(card: GreyImage): { era: Era; dx: number; dy: number } | string {
    const r = CARD_FIELDS.era;
    const eras = [...this.eras!];
    const best = new Map<Era, { score: number; dx: number; dy: number }>();
    for (let dx = -8; dx <= 8; dx++) {
      for (let dy = -8; dy <= 8; dy++) {
        const w = card.window(r.x + dx, r.y + dy, r.w, r.h);
        const c = classify(
          w,
          eras.map((e) => e[1]),
        );
        const era = eras[c.index]![0];
        if (c.score > (best.get(era)?.score ?? -1)) best.set(era, { score: c.score, dx, dy });
      }
    }
    const [first, second] = [...best].sort((a, b) => b[1].score - a[1].score);
    if (!first || first[1].score < MIN_ERA_SCORE) return 'era not readable';
    if (second && first[1].score - second[1].score < MIN_ERA_MARGIN)
      return `era unclear (${first[0]} or ${second[0]})`;
    return { era: first[0], dx: first[1].dx, dy: first[1].dy };
  }

  /** A field's crop, cleaned for tesseract: one band, `height` px high, thresholded if asked. */
  private async crop(
    card: GreyImage,
    name: DigitField,
    dx: number,
    dy: number,
    height: number,
    threshold: number,
  ): Promise<{ width: number; height: number; data: Uint8Array }> {
    let img = card
      .sharp()
      .extract(box(CARD_FIELDS[name], dx, dy))
      .resize({ height })
      .normalise();
    if (threshold) img = img.threshold(threshold);
    const { data, info } = await img.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data };
  }

  /** Read 1's picture: the five fields set side by side on one clean line, as a PNG. */
  private async lineImage(card: GreyImage, dx: number, dy: number, signal?: AbortSignal): Promise<Buffer> {
    const parts = await Promise.all(DIGIT_FIELDS.map((name) => this.crop(card, name, dx, dy, 72, 150)));
    if (signal?.aborted) throw canceled('the card-face OCR');
    // The line composed here, white around each field, and encoded once (a fast PNG: it is
    // decoded straight away by tesseract's own worker).
    const gap = 48;
    const width = parts.reduce((n, p) => n + p.width + gap, gap);
    const height = 120;
    const line = new Uint8Array(width * height).fill(255);
    let left = gap;
    for (const p of parts) {
      for (let y = 0; y < p.height && 24 + y < height; y++)
        line.set(p.data.subarray(y * p.width, (y + 1) * p.width), (24 + y) * width + left);
      left += p.width + gap;
    }
    return sharp(line, { raw: { width, height, channels: 1 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
  }

  /** Read 1: tesseract over that line (in tesseract.js's own thread). */
  private async tesseract(png: Buffer): Promise<string> {
    const r = await this.worker!.recognize(png);
    // Tesseract's confidences come back 0 for this whitelisted single line even when it is
    // right, so they cannot gate it; agreement with the independent template read does.
    return r.data.text.replace(/\s/g, '');
  }

  /** Tesseract on one field alone: a second look where the line read and the templates differ. */
  private async tesseractField(
    card: GreyImage,
    name: DigitField,
    dx: number,
    dy: number,
    want: string,
    signal?: AbortSignal,
  ): Promise<boolean> {
    // A few cleanings of the same crop (glare and blur favour different ones); any one that
    // reads what the templates read confirms it. None that does: re-place the card.
    for (const [height, threshold] of [
      [96, 150],
      [72, 120],
      [120, 0],
    ] as const) {
      if (signal?.aborted) throw canceled('the card-face OCR');
      const c = await this.crop(card, name, dx, dy, height, threshold);
      const png = await sharp(c.data, { raw: { width: c.width, height: c.height, channels: 1 } })
        .extend({ top: 32, bottom: 32, left: 32, right: 32, background: '#ffffff' })
        .png({ compressionLevel: 1 })
        .toBuffer();
      if ((await this.worker!.recognize(png)).data.text.replace(/\s/g, '') === want) return true;
    }
    return false;
  }

  /** Read 2: each character cell against the ten digit templates, at native resolution. */
  private templates(card: GreyImage, dx: number, dy: number): string {
    let out = '';
    for (const name of DIGIT_FIELDS) {
      const r = CARD_FIELDS[name];
      const adv = (r.h - 8) * ADVANCE;
      for (let i = 0; i < DIGIT_LENGTH[name]; i++) {
        let best = { index: -1, score: -1, margin: 0 };
        // A pixel or two of search per cell absorbs what the deskew left.
        for (let sx = -2; sx <= 2; sx++) {
          for (let sy = -2; sy <= 2; sy++) {
            const c = classify(
              card.window(Math.round(r.x + 2 + dx + sx + i * adv), r.y + dy + sy, this.cellWidth, r.h),
              this.digits!,
            );
            if (c.score > best.score) best = c;
          }
        }
        if (best.score < MIN_CELL_SCORE || best.margin < MIN_CELL_MARGIN) return '';
        out += String(best.index);
      }
    }
    return out;
  }

  /**
   * Reads a card-face camera frame (any image format, or raw RGB as the camera gives it).
   * Aborted: it stops at its next step (the tesseract pass under way ends first) with Op_Canceled.
   */
  async read(frame: Buffer | RawFrame, signal?: AbortSignal): Promise<CardFaceRead> {
    const stop = (): void => {
      if (signal?.aborted) throw canceled('the card-face OCR');
    };
    await this.init();
    stop();
    let grey: GreyImage;
    try {
      grey = await locateCard(frame);
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
    stop();
    const era = this.era(grey);
    if (typeof era === 'string') return { ok: false, reason: era };
    // Tesseract's line is handed to its own thread first, and runs there while the templates
    // are matched in this one (synchronous: anything after them would wait for them).
    const png = await this.lineImage(grey, era.dx, era.dy, signal);
    const tess = this.tesseract(png);
    tess.catch(() => {});
    const b = this.templates(grey, era.dx, era.dy);
    if (b.length !== 14) {
      // Its pass is waited for, not left running: the next read's would queue behind it.
      await tess.catch(() => '');
      stop();
      return { ok: false, reason: 'digits not readable' };
    }
    stop();
    // Two independent readers must agree on every field: tesseract's line read, or where it
    // differs from the templates, tesseract's read of that field alone.
    const line = await tess;
    let at = 0;
    for (const name of DIGIT_FIELDS) {
      stop();
      const n = DIGIT_LENGTH[name];
      const want = b.slice(at, at + n);
      const fromLine = line.length === 14 ? line.slice(at, at + n) : '';
      if (fromLine !== want && !(await this.tesseractField(grey, name, era.dx, era.dy, want, signal))) {
        return { ok: false, reason: `the two reads disagree on ${name}` };
      }
      at += n;
    }
    const [yy, mm, dd, expiry, code] = [
      Number(b.slice(0, 2)),
      Number(b.slice(2, 4)),
      Number(b.slice(4, 6)),
      Number(b.slice(6, 10)),
      b.slice(10),
    ];
    let birth: { y: number };
    try {
      birth = fromEra(era.era, yy, mm, dd);
    } catch {
      return { ok: false, reason: 'birth year not plausible' };
    }
    const date = new Date(Date.UTC(birth.y, mm - 1, dd));
    if (mm < 1 || mm > 12 || dd < 1 || date.getUTCDate() !== dd)
      return { ok: false, reason: 'birth date not plausible' };
    const back = toEra(birth.y, mm, dd);
    if (back.era !== era.era || back.year !== yy) return { ok: false, reason: 'birth date outside its era' };
    if (expiry < 2016 || expiry > new Date().getUTCFullYear() + 11 || expiry <= birth.y)
      return { ok: false, reason: 'expiry year not plausible' };
    return { ok: true, keyB: cardFaceKeyB({ era: era.era, year: yy, month: mm, day: dd }, expiry, code) };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
