import { inflateSync } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
  ResultMetadataType,
} from '@zxing/library';
import { intlFor } from '../../i18n.js';
import { renderBadgesPdf } from './badges-pdf.js';
import type { Badge, BadgeSheet } from './types.js';

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };
const BADGE = { width: 90 * MM, height: 60 * MM };
const ORIGIN = { x: (A4.width - 2 * BADGE.width) / 2, y: (A4.height - 4 * BADGE.height) / 2 };

const PEOPLE: [string, string, string][] = [
  ['Łukasz', 'Wiśniewski', 'WIŚNIEWSKI'],
  ['José', 'Ñúñez', 'ÑÚÑEZ'],
  ['Дмитрий', 'Иванов', 'ИВАНОВ'],
  ['Ελένη', 'Παπαδοπούλου', 'ΠΑΠΑΔΟΠΟΥΛΟΥ'],
  ['Ana', 'Pérez', 'PÉREZ'],
  ['Jean-Baptiste', 'Lefèvre', 'LEFÈVRE'],
  ['Ngozi', 'Okonjo', 'OKONJO'],
  ['Sigrún', 'Þórsdóttir', 'ÞÓRSDÓTTIR'],
  ['Zoë', 'Çelik', 'ÇELIK'],
];

function badge(i: number, overrides: Partial<Badge> = {}): Badge {
  const [givenName, familyName] = PEOPLE[i % PEOPLE.length]!;
  return {
    givenName,
    familyName,
    delegation: i % 2 ? 'Organización Internacional para las Migraciones (OIM)' : 'Argentina',
    category: i % 3 ? 'Gobierno' : 'Prensa',
    checkInCode: `C0NT-${String(i).padStart(3, '0')}-9F2K7QX4`,
    ...overrides,
  };
}

function sheet(overrides: Partial<BadgeSheet> = {}): BadgeSheet {
  return {
    lang: 'es',
    meetingTitle: 'Reunión Continental OEA/OIM sobre la Trata de Personas',
    dateRange: '6–8 de abril de 2005',
    generatedAt: new Date('2005-03-15T15:00:00Z'),
    badges: PEOPLE.map((_, i) => badge(i)),
    ...overrides,
  };
}

async function pages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: false })).text;
}

/** Text runs of one page with where they start and how wide and tall they are. */
async function runs(pdf: Buffer, page: number): Promise<{ str: string; x: number; width: number; size: number }[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const content = await (await doc.getPage(page)).getTextContent();
  return content.items.flatMap((item) =>
    'str' in item ? [{ str: item.str, x: item.transform[4] as number, width: item.width, size: item.height }] : [],
  );
}

/**
 * Reads the QR codes as printed: the little squares ("re" operators) of each page's content,
 * painted onto a bitmap per badge and decoded with ZXing, the library the check-in scanner uses.
 */
function printedQrCodes(pdf: Buffer): string[][] {
  const text = pdf.toString('latin1');
  const pagesOut: string[][] = [];
  for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    const squares = [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)]
      .map((r) => r.slice(1, 5).map(Number) as [number, number, number, number])
      .filter(([, , w, h]) => w === h && w < 5);
    if (squares.length === 0) continue;
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const left = ORIGIN.x + (i % 2) * BADGE.width;
      const top = ORIGIN.y + Math.floor(i / 2) * BADGE.height;
      const mine = squares.filter(
        ([x, y]) => x >= left && x < left + BADGE.width && y >= top && y < top + BADGE.height,
      );
      if (mine.length === 0) continue;
      codes.push(decode(mine, left, top));
    }
    pagesOut.push(codes);
  }
  return pagesOut;
}

function decode(squares: [number, number, number, number][], left: number, top: number): string {
  const scale = 4;
  const width = Math.ceil(BADGE.width * scale);
  const height = Math.ceil(BADGE.height * scale);
  const pixels = new Uint8ClampedArray(width * height).fill(255);
  for (const [x, y, w] of squares) {
    const x0 = Math.round((x - left) * scale);
    const y0 = Math.round((y - top) * scale);
    const side = Math.round((x - left + w) * scale) - x0;
    for (let dy = 0; dy < side; dy++) pixels.fill(0, (y0 + dy) * width + x0, (y0 + dy) * width + x0 + side);
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)));
  const result = new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, false]]));
  expect(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).toBe('M');
  return result.getText();
}

const flat = (s: string): string => s.replace(/\s+/g, ' ');

describe('renderBadgesPdf', () => {
  it('prints 9 badges on 2 A4 sheets, 8 on the first, with names in any script', async () => {
    const pdf = await renderBadgesPdf(sheet());
    const [first, second, ...more] = (await pages(pdf)).map(flat);
    expect(more).toHaveLength(0);

    PEOPLE.slice(0, 8).forEach(([given, family, upper]) => {
      expect(first).toContain(given);
      expect(first).toContain(upper);
      expect(first).not.toContain(family); // printed in capitals
    });
    expect(second).toContain('Zoë');
    expect(second).toContain('ÇELIK');
    expect(second).not.toContain('Łukasz');

    for (const text of [first, second]) {
      expect(text).toContain('Reunión Continental OEA/OIM sobre la Trata de Personas');
      expect(text).toContain('6–8 de abril de 2005');
      expect(text).toContain('Argentina');
      expect(text).toContain('Gobierno');
    }
    expect(first).toContain('Organización Internacional para las Migraciones (OIM)');
    expect(first).toContain('Prensa');
    expect(first).toContain(
      intlFor('es').formatMessage(
        { id: 'participants.badge.sheet' },
        { meeting: 'Reunión Continental OEA/OIM sobre la Trata de Personas', sheet: 1, sheets: 2 },
      ),
    );

    const { info } = await getMeta(new Uint8Array(pdf));
    expect(info.Language).toBe('es');
    expect(info.Title).toContain('Credenciales');
  });

  it('puts on each badge a QR code holding exactly its check-in code, error correction M', async () => {
    const badges = sheet().badges;
    const printed = printedQrCodes(await renderBadgesPdf(sheet()));
    expect(printed).toEqual([badges.slice(0, 8).map((b) => b.checkInCode), [badges[8]!.checkInCode]]);
  });

  it('shrinks a long name to fit its badge instead of spilling onto the next one', async () => {
    const long = badge(0, {
      givenName: 'María de los Ángeles Guadalupe',
      familyName: 'Fernández de Córdoba y Montemayor-Villaseñor',
    });
    const pdf = await renderBadgesPdf(sheet({ badges: [long, badge(1)] }));
    const text = flat((await pages(pdf))[0]!);
    expect(text).toContain('María de los Ángeles Guadalupe');
    expect(text).toContain('FERNÁNDEZ DE CÓRDOBA Y MONTEMAYOR-VILLASEÑOR');

    const items = await runs(pdf, 1);
    const longRuns = items.filter((r) => /Ángeles|Guadalupe|FERNÁNDEZ|VILLASEÑOR/.test(r.str));
    const short = items.find((r) => r.str.includes('ÑÚÑEZ'))!;
    expect(longRuns.length).toBeGreaterThan(0);
    for (const run of longRuns) {
      // Within the left badge, and smaller than a short name.
      expect(run.x + run.width).toBeLessThanOrEqual(ORIGIN.x + BADGE.width);
      expect(run.size).toBeLessThan(short.size);
    }
  });

  it('renders the same sheet to the same bytes', async () => {
    const first = await renderBadgesPdf(sheet());
    expect((await renderBadgesPdf(sheet())).equals(first)).toBe(true);
  });
});
