import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  importFile,
  publicData,
  statsWorld,
  validatedReport,
  victims,
  type StatsWorld,
} from './statistics.test-helper.js';

let w: StatsWorld;
beforeAll(async () => {
  w = await statsWorld();
});
afterAll(async () => w.t.close());

const bySex = (points: { breakdown: Record<string, string>; shownAs: string }[]) =>
  Object.fromEntries(points.map((p) => [p.breakdown.sex ?? 'total', p.shownAs]));

describe('publishing state reports', () => {
  it('shows 1..4 as "<5", hides one more cell so the total does not give it away, and keeps zero', async () => {
    await validatedReport(w, 'ARG/2020', [
      ...victims(40, 3, 30, 7),
      { indicator: 'victims_detected', breakdown: { sex: 'other' }, value: 0 },
    ]);
    const points = (await publicData(w, 'indicator=victims_detected&state=ARG&year=2020')).filter(
      (p) => p.origin === 'reported',
    );
    expect(bySex(points)).toEqual({ total: '40', female: '<5', male: '30', unknown: '<5', other: '0' });
    const female = points.find((p) => p.breakdown.sex === 'female');
    expect(female).toMatchObject({ value: null, suppressed: true });
    expect(female?.source).toMatch(/national report through Continental, validated \d{4}-\d{2}-\d{2}/);
  });

  it('applies the same suppression to the CSV and JSON exports', async () => {
    const csv = await w.t.app.inject({
      url: '/api/statistics/data.csv?indicator=victims_detected&state=ARG&year=2020',
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('"sex=female","<5","yes"');
    expect(csv.body).not.toMatch(/"sex=female","3"/);
    const json = await w.t.app.inject({
      url: '/api/statistics/data.json?indicator=victims_detected&state=ARG&year=2020',
    });
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    const female = json
      .json<{ data: { breakdown: { sex?: string }; value: number | null }[] }>()
      .data.find((p) => p.breakdown.sex === 'female');
    expect(female?.value).toBeNull();
  });

  it('sums regions from unsuppressed figures, then suppresses the sums', async () => {
    // Brazil's focal point is not needed: the secretariat reports for a state too.
    for (const [path, values] of [
      ['BRA/2020', victims(10, 2, 8, 0)],
      ['URY/2020', victims(9, 2, 7, 0)],
    ] as const) {
      expect(
        (
          await w.t.app.inject({
            method: 'PUT',
            url: `/api/statistics/reports/${path}`,
            headers: w.secretariat.headers,
            payload: { values },
          })
        ).statusCode,
      ).toBe(200);
      await act(w, w.secretariat, `${path}/submission`);
      await act(w, w.secretariat, `${path}/review`, { decision: 'validate' });
    }
    const res = await w.t.app.inject({
      url: '/api/statistics/aggregates?indicator=victims_detected&year=2020&region=south_america',
    });
    const body = res.json<{
      states: string[];
      data: { breakdown: { sex?: string }; value: number | null; shownAs: string }[];
    }>();
    expect(body.states).toEqual(['ARG', 'BRA', 'URY']);
    // Female: 3 + 2 + 2 = 7, computed from the true figures though each was hidden alone.
    expect(bySex(body.data as never)).toMatchObject({ total: '59', female: '7', male: '45', unknown: '7', other: '0' });
    // A regional sum can itself be small: convictions of 1 and 2 make 3, shown as "<5".
    for (const [path, value] of [
      ['CHL/2020', 1],
      ['PER/2020', 2],
    ] as const) {
      await w.t.app.inject({
        method: 'PUT',
        url: `/api/statistics/reports/${path}`,
        headers: w.secretariat.headers,
        payload: { values: [{ indicator: 'persons_convicted', breakdown: {}, value }] },
      });
      await act(w, w.secretariat, `${path}/submission`);
      await act(w, w.secretariat, `${path}/review`, { decision: 'validate' });
    }
    const small = await w.t.app.inject({
      url: '/api/statistics/aggregates?indicator=persons_convicted&year=2020&region=south_america',
    });
    expect(small.json()).toMatchObject({
      states: ['CHL', 'PER'],
      data: [{ value: null, suppressed: true, shownAs: '<5' }],
    });
    const hemisphere = await w.t.app.inject({ url: '/api/statistics/aggregates?indicator=victims_detected&year=2020' });
    expect(hemisphere.json<{ region: string }>().region).toBe('hemisphere');
  });

  it('gives a scorecard: reported indicators, on time, validated, trends and the conviction ratio', async () => {
    await validatedReport(w, 'ARG/2022', [
      ...victims(50, 20, 30, 0),
      { indicator: 'persons_prosecuted', breakdown: {}, value: 40 },
      { indicator: 'persons_convicted', breakdown: {}, value: 10 },
    ]);
    const res = await w.t.app.inject({ url: '/api/statistics/scorecard/ARG/2022' });
    const card = res.json<{
      reported: string[];
      onTime: boolean;
      validated: boolean;
      trends: { indicator: string; change: number | null }[];
      convictionToProsecutionRatio: number;
    }>();
    expect(card.reported).toEqual(['victims_detected', 'persons_prosecuted', 'persons_convicted']);
    expect(card.validated).toBe(true);
    // Due by 30 June 2023, submitted only now.
    expect(card.onTime).toBe(false);
    expect(card.convictionToProsecutionRatio).toBe(0.25);
    const year = new Date().getUTCFullYear();
    await validatedReport(w, `ARG/${year - 1}`, victims(50, 20, 30, 0));
    await validatedReport(w, `ARG/${year}`, victims(45, 20, 25, 0));
    const current = await w.t.app.inject({ url: `/api/statistics/scorecard/ARG/${year}` });
    expect(current.json()).toMatchObject({
      onTime: true,
      dueOn: `${year + 1}-06-30`,
      missing: expect.arrayContaining(['persons_convicted']),
    });
    expect(current.json<{ trends: { change: number | null }[] }>().trends[0]?.change).toBe(-5);
    const old = await w.t.app.inject({ url: '/api/statistics/scorecard/ARG/2018' });
    // GLOTIP gives Argentina's totals for 2017 and 2018: trends come from them.
    expect(old.json<{ trends: { indicator: string; value: number | null }[] }>().trends[0]?.value).toEqual(
      expect.any(Number),
    );
  });
});

describe('comparisons only where definitions match', () => {
  /** A report the secretariat saves, submits and validates for a state itself. */
  async function validatedBySecretariat(path: string, values: unknown[]) {
    for (const res of [
      await w.t.app.inject({
        method: 'PUT',
        url: `/api/statistics/reports/${path}`,
        headers: w.secretariat.headers,
        payload: { values },
      }),
      await act(w, w.secretariat, `${path}/submission`),
      await act(w, w.secretariat, `${path}/review`, { decision: 'validate' }),
    ]) {
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  const card = async (path: string) =>
    (await w.t.app.inject({ url: `/api/statistics/scorecard/${path}` })).json<{
      trends: {
        indicator: string;
        value: number | null;
        previous: number | null;
        change: number | null;
        source: string;
      }[];
      convictionToProsecutionRatio: number | null;
      convictionToProsecutionSource: string | null;
    }>();

  it('never sets a validated report against a GLOTIP figure of the year before', async () => {
    // GLOTIP has Colombia's 2018 total (113) but no 2019: a 2019 report has nothing comparable.
    await validatedBySecretariat('COL/2019', victims(120, 60, 60, 0));
    const victimsTrend = (await card('COL/2019')).trends.find((t) => t.indicator === 'victims_detected');
    expect(victimsTrend).toMatchObject({ value: 120, previous: null, change: null });
    expect(victimsTrend?.source).toMatch(/national report through Continental/);
  });

  it('takes a trend and the conviction ratio from the one source that has both figures', async () => {
    // A 2017 report of prosecutions only; GLOTIP gives Colombia 2016 and 2017: 42 and 29
    // prosecuted, 16 convicted in 2017.
    await validatedBySecretariat('COL/2017', [{ indicator: 'persons_prosecuted', breakdown: {}, value: 30 }]);
    const c = await card('COL/2017');
    const prosecuted = c.trends.find((t) => t.indicator === 'persons_prosecuted');
    expect(prosecuted).toMatchObject({ value: 29, previous: 42, change: -13 });
    expect(prosecuted?.source).toMatch(/GLOTIP/);
    expect(c.convictionToProsecutionRatio).toBe(0.55);
    expect(c.convictionToProsecutionSource).toMatch(/GLOTIP/);
  });
});

describe('report files', () => {
  it('offers a template with every indicator, and imports it filled in', async () => {
    const template = (await w.t.app.inject({ url: '/api/statistics/report-template.csv?lang=es' })).body;
    expect(template).toContain('"victims_detected","Víctimas de trata detectadas","total","total"');
    expect(template).toContain('"persons_convicted"');
    const filled = template
      .replace(
        '"victims_detected","Víctimas de trata detectadas","total","total",""',
        '"victims_detected","Víctimas de trata detectadas","total","total","1,282"',
      )
      .replace(
        '"victims_detected","Víctimas de trata detectadas","sex","female",""',
        '"victims_detected","Víctimas de trata detectadas","sex","female","<5"',
      );
    const res = await importFile(w, w.focalARG, 'ARG/2015', filled);
    expect(res.json()).toMatchObject({ rows: 2 });
  });

  it('refuses a file with one wrong row and changes nothing, naming the line; the fixed file goes in', async () => {
    const head = 'indicator,dimension,category,value\n';
    const good = `${head}persons_prosecuted,total,total,12\npersons_prosecuted,sex,female,5\npersons_prosecuted,sex,male,7\n`;
    expect((await importFile(w, w.focalARG, 'ARG/2014', good)).statusCode).toBe(200);
    const bad = `${head}persons_prosecuted,total,total,12\npersons_prosecuted,sex,female,4.5\npersons_prosecuted,sex,male,7\npersons_jailed,total,total,3\n`;
    const res = await importFile(w, w.focalARG, 'ARG/2014', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'line/3/value',
      'line/5/indicator',
    ]);
    const read = await w.t.app.inject({ url: '/api/statistics/reports/ARG/2014', headers: w.focalARG.headers });
    expect(
      read
        .json<{ values: { value: number }[] }>()
        .values.map((v) => v.value)
        .sort(),
    ).toEqual([12, 5, 7]);
    const personal = await importFile(w, w.focalARG, 'ARG/2014', 'indicator,dimension,category,value,victim_name\n');
    expect(personal.json<{ errors: { reason: string }[] }>().errors[0]?.reason).toBe('victim_level');
  });

  it('offers the template as XLSX too, which imports once filled in', async () => {
    const res = await w.t.app.inject({ url: '/api/statistics/report-template.xlsx?lang=pt' });
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'victims_detected',
      'Vítimas de tráfico detectadas',
      'total',
      'total',
    ]);
    sheet.getCell('E2').value = 6;
    sheet.getCell('E3').value = 6;
    sheet.getCell('E4').value = 0;
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const filled = await importFile(w, w.focalARG, 'ARG/2011', Buffer.from(await book.xlsx.writeBuffer()), type);
    expect(filled.json()).toMatchObject({ rows: 3 });
  });

  it('reads an XLSX workbook like the CSV', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('report');
    sheet.addRows([
      ['indicator', 'dimension', 'category', 'value'],
      ['persons_convicted', 'total', 'total', 9],
      ['persons_convicted', 'sex', 'male', 10],
    ]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const bad = await importFile(w, w.focalARG, 'ARG/2013', buffer, type);
    expect(bad.json<{ errors: { reason: string; line: number }[] }>().errors[0]).toMatchObject({
      reason: 'breakdown_exceeds_total',
      line: 2,
    });
    sheet.getCell('D3').value = 9;
    const res = await importFile(w, w.focalARG, 'ARG/2013', Buffer.from(await book.xlsx.writeBuffer()), type);
    expect(res.json()).toMatchObject({ rows: 2 });
  });
});

describe('a deployment with k = 11', () => {
  it('hides 1..10 in state reports but shows GLOTIP figures as published', async () => {
    const k11 = await statsWorld({ STATS_MIN_CELL: '11' });
    try {
      await validatedReport(k11, 'ARG/2020', victims(40, 9, 25, 6));
      const points = (await publicData(k11, 'indicator=victims_detected&state=ARG&year=2020')).filter(
        (p) => p.origin === 'reported',
      );
      expect(bySex(points)).toEqual({ total: '40', female: '<11', male: '25', unknown: '<11' });
      const glotip = await publicData(k11, 'indicator=persons_convicted');
      expect(glotip.some((p) => p.value !== null && p.value >= 5 && p.value < 11)).toBe(true);
    } finally {
      await k11.t.close();
    }
  });
});

describe('indicators', () => {
  it('lists the framework in four languages and lets the secretariat add and change indicators', async () => {
    const fr = await w.t.app.inject({ url: '/api/statistics/indicators?lang=fr' });
    const items = fr.json<{ items: { code: string; name: string; breakdowns: Record<string, string[]> }[] }>().items;
    expect(items.find((i) => i.code === 'persons_convicted')?.name).toBe('Personnes condamnées pour traite');
    expect(items.find((i) => i.code === 'victims_detected')?.breakdowns.age).toEqual(['child', 'adult', 'unknown']);
    const t = { en: 'Shelters', es: 'Albergues', fr: 'Foyers', pt: 'Abrigos' };
    const input = {
      code: 'shelters_open',
      name: t,
      definition: t,
      methodology: t,
      unit: 'shelters',
      breakdowns: {},
      additive: false,
    };
    expect(
      (
        await w.t.app.inject({
          method: 'POST',
          url: '/api/statistics/indicators',
          headers: w.focalARG.headers,
          payload: input,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await w.t.app.inject({
          method: 'POST',
          url: '/api/statistics/indicators',
          headers: w.secretariat.headers,
          payload: input,
        })
      ).statusCode,
    ).toBe(201);
    const patched = await w.t.app.inject({
      method: 'PATCH',
      url: '/api/statistics/indicators/shelters_open?lang=pt',
      headers: w.secretariat.headers,
      payload: { breakdowns: { kind: ['state', 'ngo'] } },
    });
    expect(patched.json()).toMatchObject({ name: 'Abrigos', breakdowns: { kind: ['state', 'ngo'] } });
    const reserved = await w.t.app.inject({
      method: 'PATCH',
      url: '/api/statistics/indicators/shelters_open',
      headers: w.secretariat.headers,
      payload: { breakdowns: { kind: ['state', 'total'] } },
    });
    expect(reserved.json()).toMatchObject({ errors: [{ path: 'body/breakdowns/kind', reason: 'reserved' }] });
  });
});
