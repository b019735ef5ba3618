// The patient's languages (those clinics in Japan meet most), in the order the kiosk offers them.
import { EN } from './en.js';
import { JA, type Texts } from './ja.js';
import { KO } from './ko.js';
import { PT } from './pt.js';
import { VI } from './vi.js';
import { ZH } from './zh.js';

export type { TextKey, Texts } from './ja.js';

export const LANGS = ['ja', 'en', 'zh', 'ko', 'vi', 'pt'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ja';

export const TEXTS: Readonly<Record<Lang, Texts>> = { ja: JA, en: EN, zh: ZH, ko: KO, vi: VI, pt: PT };

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}
