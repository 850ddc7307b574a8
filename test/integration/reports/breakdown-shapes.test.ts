import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BreakdownResult, Dimension, Filter, Metric } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { MAX_TOP_N } from '../../../core/reports/breakdown-sql.js'
import {
  ARN,
  ROWS,
  decimal,
  BOTH_BASES,
  openAttributedHandDataset,
  sumBy,
  units,
  type HandRows,
} from '../rows/hand-built-cur.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset()
})

afterEach(async () => {
  await ds.close()
})

const BEDROCK: Filter[] = [{ dimension: 'service', values: ['Amazon Bedrock'] }]

function asMap(result: BreakdownResult): Map<string | null, string> {
  return new Map(result.rows.map((r) => [r.keys[0], r.value]))
}

function sumOfRows(result: BreakdownResult): string {
  return decimal(result.rows.reduce((sum, r) => sum + units(r.value), 0n))
}

describe.each(BOTH_BASES.map((b) => b.name))(
  'totals, top N, series and filters read from the %s',
  (name) => {
    const run = (query: Parameters<typeof breakdown>[1]) =>
      breakdown(ds, query, { base: BOTH_BASES.find((b) => b.name === name)!.base })

    const dimensions: Dimension[] = [
      'principal',
      'person',
      'role',
      'account',
      'model',
      'provider',
      'token-type',
      'service',
      'region',
      'usage-type',
      'operation',
      'line-item-type',
      'month',
      'day',
      'tag:iamPrincipal/team',
      'tag:resourceTags/user:Project',
      'tag:costCategory/BusinessUnit',
    ]
    const metrics: Metric[] = ['unblended', 'net', 'amortized', 'ondemand', 'usage', 'tokens']

    it('gives groups that sum to the total, and a total that matches the rows, for every dimension and metric', async () => {
      const independent: Record<string, string> = {
        unblended: sumBy(ROWS, () => 'all').get('all')!,
        amortized: sumBy(
          ROWS,
          () => 'all',
          (r) => r.amortized_cost,
        ).get('all')!,
      }
      for (const filters of [undefined, BEDROCK]) {
        for (const metric of metrics) {
          const totals = new Set<string>()
          for (const dimension of dimensions) {
            const result = await run({ dimensions: [dimension], metric, filters })
            expect(units(sumOfRows(result)), `${dimension} ${metric}`).toBe(units(result.total))
            totals.add(result.total)
          }
          expect(totals.size, metric).toBe(1)
          if (!filters && independent[metric]) expect([...totals][0]).toBe(independent[metric])
        }
      }
    })

    it('folds groups outside the top N into one (other) row, keeping the total', async () => {
      const full = await run({ dimensions: ['person'], metric: 'unblended', filters: BEDROCK })
      const top = await run({
        dimensions: ['person'],
        metric: 'unblended',
        filters: BEDROCK,
        topN: 3,
      })
      expect(top.rows.filter((r) => !r.other).map((r) => r.keys[0])).toEqual(
        full.rows.slice(0, 3).map((r) => r.keys[0]),
      )
      const other = top.rows.filter((r) => r.other)
      expect(other).toHaveLength(1)
      expect(other[0].keys).toEqual([null])
      expect(other[0].value).toBe(
        decimal(full.rows.slice(3).reduce((s, r) => s + units(r.value), 0n)),
      )
      expect(sumOfRows(top)).toBe(full.total)
      expect(top.total).toBe(full.total)
    })

    it('keeps every group when the top N is above their number, or above the cap', async () => {
      const query = { dimensions: ['person'] as Dimension[], metric: 'unblended' as const }
      const full = await run(query)
      expect(full.rows.length).toBeGreaterThan(3)
      for (const topN of [
        full.rows.length,
        full.rows.length + 1,
        MAX_TOP_N,
        MAX_TOP_N + 1,
        2 ** 53,
      ]) {
        expect(await run({ ...query, topN }), String(topN)).toEqual(full)
      }
    })

    it('adds a period column for month and day series', async () => {
      const months = await run({ dimensions: ['service'], metric: 'unblended', timeGrain: 'month' })
      expect(new Set(months.rows.map((r) => r.period))).toEqual(new Set(['2026-06', '2026-07']))
      expect(sumOfRows(months)).toBe(months.total)
      const days = await run({
        dimensions: ['tag:iamPrincipal/team'],
        metric: 'unblended',
        filters: BEDROCK,
        timeGrain: 'day',
        topN: 2,
      })
      expect(days.rows.every((r) => /^2026-07-\d\d$/.test(r.period ?? ''))).toBe(true)
      expect(sumOfRows(days)).toBe('260.3000000000')
      const firstDay = days.rows.filter((r) => r.period === '2026-07-01')
      expect(firstDay.map((r) => r.value)).toEqual(
        [...firstDay.map((r) => r.value)].sort((a, b) => Number(b) - Number(a)),
      )
    })

    it('groups by up to three dimensions', async () => {
      const result = await run({
        dimensions: ['tag:iamPrincipal/team', 'role', 'model'],
        metric: 'unblended',
        filters: BEDROCK,
      })
      const backendDevSonnet = result.rows.find(
        (r) =>
          r.keys[0] === 'backend' &&
          r.keys[1] === 'BackendDev' &&
          r.keys[2] === 'Claude Sonnet 4.6',
      )
      expect(backendDevSonnet?.value).toBe('108.5000000000')
      expect(sumOfRows(result)).toBe('260.3000000000')
    })

    it('filters on any dimension, with exclusion and the null group', async () => {
      const untagged = await run({
        dimensions: ['person'],
        metric: 'unblended',
        filters: [...BEDROCK, { dimension: 'tag:iamPrincipal/team', values: [null] }],
      })
      expect(asMap(untagged)).toEqual(new Map([['gw-17', '5.4000000000']]))
      const notBackend = await run({
        dimensions: ['tag:iamPrincipal/team'],
        metric: 'unblended',
        filters: [
          ...BEDROCK,
          {
            dimension: 'tag:iamPrincipal/team',
            values: ['backend', 'no-such-team'],
            exclude: true,
          },
        ],
      })
      expect(notBackend.total).toBe('118.0000000000')
      expect(asMap(notBackend).get(null)).toBe('5.4000000000')
      const neitherNullNorData = await run({
        dimensions: ['tag:iamPrincipal/team'],
        metric: 'unblended',
        filters: [
          ...BEDROCK,
          { dimension: 'tag:iamPrincipal/team', values: [null, 'data'], exclude: true },
        ],
      })
      expect(neitherNullNorData.total).toBe('165.4000000000')
      const byDay = await run({
        dimensions: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'day', values: ['2026-06-15', 'not a day'] }],
      })
      expect(byDay.total).toBe('0.0000012345')
      const byMonth = await run({
        dimensions: ['day'],
        metric: 'unblended',
        filters: [{ dimension: 'month', values: ['2026-06'] }],
      })
      expect(byMonth.rows).toEqual([{ keys: ['2026-06-15'], value: '0.0000012345' }])
    })

    it('binds filter values, so quotes and SQL in them match literally', async () => {
      const result = await run({
        dimensions: ['principal'],
        metric: 'unblended',
        filters: [{ dimension: 'principal', values: [ARN.junk, "x' OR '1'='1"] }],
      })
      expect(asMap(result)).toEqual(new Map([[ARN.junk, '1.1100000000']]))
      const tagged = await run({
        dimensions: ['tag:resourceTags/user:Project'],
        metric: 'unblended',
        filters: [{ dimension: 'tag:resourceTags/user:Project', values: ["o'brien =1+1"] }],
      })
      expect(tagged.total).toBe('0.0000012345')
    })

    it('returns an empty result with a zero total when nothing matches', async () => {
      const result = await run({
        dimensions: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'service', values: [] }],
      })
      expect(result.rows).toEqual([])
      expect(result.total).toBe('0.0000000000')
    })
  },
)
