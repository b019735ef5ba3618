// The printed face of an emulated My Number card (ID-1, 856 × 540 px ≈ 10 px/mm): fixed
// layout, Japanese labels (IPAGothic), the holder's photo, and the fields a face-auth reader
// scans for 照合番号B: birth date in the Japanese era, the expiry year and the security code.
import sharp from 'sharp';
import { CARD_FIELDS, CARD_SIZE, ERA_KANJI, type Region } from '../../protocol/mynumber/card-face-layout.js';
import { toEra } from '../../protocol/mynumber/mynumber.js';
import type { CardHolder } from './card-face.js';

const JP = "font-family='IPAGothic'";
const DIGITS = "font-family='DejaVu Sans Mono' font-weight='bold'";

function text(x: number, y: number, size: number, s: string, font = JP): string {
  return `<text x="${x}" y="${y}" font-size="${size}" ${font} fill="#1a1a1a">${s.replace(/[<>&]/g, '')}</text>`;
}

/** Text drawn into a field region: baseline near the bottom, left-aligned. */
function field(r: Region, s: string, font = DIGITS): string {
  return text(r.x + 2, r.y + r.h - 8, r.h - 8, s, font);
}

export async function renderCardFace(holder: CardHolder): Promise<Buffer> {
  const b = holder.birth;
  const era = toEra(b.y, b.m, b.d);
  const two = (n: number) => String(n).padStart(2, '0');
  const f = CARD_FIELDS;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_SIZE.width}" height="${CARD_SIZE.height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f4f8fb"/><stop offset="1" stop-color="#e3edf5"/></linearGradient></defs>
  <rect width="100%" height="100%" rx="32" fill="url(#g)"/>
  ${text(36, 62, 34, '個人番号カード')}
  ${text(36, 118, 18, '氏名')}${text(96, 118, 28, holder.name, "font-family='DejaVu Sans'")}
  ${text(36, 170, 18, '住所')}${text(96, 170, 20, holder.address, "font-family='DejaVu Sans'")}
  ${field(f.era, ERA_KANJI[era.era], JP)}
  ${field(f.birthYear, two(era.year))}${text(f.birthYear.x + 62, 258, 30, '年')}
  ${field(f.birthMonth, two(b.m))}${text(f.birthMonth.x + 62, 258, 30, '月')}
  ${field(f.birthDay, two(b.d))}${text(f.birthDay.x + 62, 258, 30, '日生')}
  ${text(470, 258, 22, `性別 ${holder.sex === 1 ? '男' : '女'}`)}
  ${field(f.expiryYear, String(holder.expiryYear))}${text(f.expiryYear.x + 114, 336, 26, `年 ${two(b.m)}月 ${two(b.d)}日まで有効`)}
  ${text(36, 486, 18, 'セキュリティコード')}
  ${field(f.securityCode, holder.securityCode)}
</svg>`;
  const photo = await sharp(holder.photo)
    .resize(200, 250, { fit: 'cover', position: 'attention' })
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: photo, left: 620, top: 96 }])
    .png()
    .toBuffer();
}
