// Where the fields a face-auth reader scans stand on the normalised card face (856 × 540 px,
// ≈ 10 px/mm of the ID-1 card), shared by the card renderer (sim/card) and the reader.
export const CARD_SIZE = { width: 856, height: 540 } as const;

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const CARD_FIELDS = {
  era: { x: 36, y: 222, w: 76, h: 44 },
  // Digit fields: DejaVu Sans Mono Bold at h − 8 px, 0.6 em per digit, from x + 2.
  birthYear: { x: 112, y: 222, w: 48, h: 44 },
  birthMonth: { x: 206, y: 222, w: 48, h: 44 },
  birthDay: { x: 300, y: 222, w: 48, h: 44 },
  expiryYear: { x: 36, y: 300, w: 92, h: 44 },
  securityCode: { x: 236, y: 452, w: 92, h: 44 },
} as const satisfies Record<string, Region>;

export const ERA_KANJI = { reiwa: '令和', heisei: '平成', showa: '昭和', taisho: '大正' } as const;
