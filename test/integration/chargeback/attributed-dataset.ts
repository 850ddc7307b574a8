// A Dataset over hand-written line items in a real locked-down engine. By default `cur_attributed`
// is a table made by hand (every `cur` column plus the attribution ones, as given), under the real
// `attribution_rows` view, with no cache; with `{ attribution: 'real' }` the rows become the `cur`
// table and core/attribution builds the views and the cache.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { attributionCacheReady, prepareAttribution } from '../../../core/rows/attributed-rows.js'
import { openEngine } from '../../../core/engine/duckdb.js'
import { initCacheState } from '../../../core/rows/cache-state.js'
import { CREATE_ATTRIBUTION_ROWS, createTaggedView } from '../../../core/rows/row-views.js'
import { CUR_COLUMNS } from '../../../core/sources/cur-columns.js'
import type { Dataset } from '../../../core/sources/dataset.js'

export interface ItemRow {
  billing_period?: string
  line_item_type?: string
  service?: string
  product_code?: string
  usage_account_id?: string
  principal_arn?: string | null
  principal_role?: string | null
  principal_person?: string | null
  principal_account?: string | null
  model?: string | null
  unblended_cost: string
  amortized_cost?: string
  tags?: Record<string, string>
}

const EXTRA_COLUMNS = [
  { name: 'principal_kind', type: 'VARCHAR' },
  { name: 'principal_person', type: 'VARCHAR' },
  { name: 'principal_role', type: 'VARCHAR' },
  { name: 'principal_account', type: 'VARCHAR' },
  { name: 'model_key', type: 'VARCHAR' },
  { name: 'model', type: 'VARCHAR' },
  { name: 'provider', type: 'VARCHAR' },
  { name: 'token_type', type: 'VARCHAR' },
  { name: 'tokens', type: 'DOUBLE' },
  { name: 'token_scale', type: 'INTEGER' },
  { name: 'assumed_token_unit', type: 'VARCHAR' },
  { name: 'usage_region', type: 'VARCHAR' },
]

export async function openAttributedDataset(
  rows: ItemRow[],
  files: { path: string; rows: number; bytes: number }[] = [],
  options: { attribution?: 'hand-made' | 'real' } = {},
): Promise<Dataset> {
  const real = options.attribution === 'real'
  const workDirectory = await mkdtemp(join(tmpdir(), 'cur-lens-chargeback-'))
  const engine = await openEngine({
    readPaths: files.map((f) => f.path),
    readDirectories: [],
    workDirectory,
  })
  const full = rows.map((r) => ({
    billing_period: '2026-07',
    line_item_type: 'Usage',
    service: 'Amazon Bedrock',
    product_code: 'AmazonBedrock',
    usage_account_id: '111122223333',
    currency: 'USD',
    amortized_cost: r.unblended_cost,
    tags: {},
    ...r,
  }))
  const input = join(workDirectory, 'rows.json')
  await writeFile(input, JSON.stringify(full))
  const columns = real ? CUR_COLUMNS : [...CUR_COLUMNS, ...EXTRA_COLUMNS]
  const spec = columns.map((c) => `'${c.name}': '${c.type}'`).join(', ')
  await engine.query(
    `CREATE TABLE ${real ? 'cur' : 'cur_attributed'} AS SELECT ${columns.map((c) => c.name).join(', ')}
     FROM read_json($input, columns = {${spec}}, format = 'array')`,
    { input },
  )
  if (!real) {
    await engine.query(CREATE_ATTRIBUTION_ROWS)
    await engine.query(createTaggedView('attribution_rows', false))
    await initCacheState(engine)
  }
  const periods = [...new Set(full.map((r) => r.billing_period))].sort()
  const dataset: Dataset = {
    engine,
    workDirectory,
    info: {
      format: 'cur2-parquet',
      files: files.map((f) => ({ ...f, format: 'cur2-parquet' as const })),
      rows: rows.length,
      billingPeriods: periods,
      currency: 'USD',
      hasPrincipal: true,
      problems: [],
    },
    async close() {
      if (real) await attributionCacheReady(dataset)
      await engine.close()
      await rm(workDirectory, { recursive: true, force: true })
    },
  }
  if (real) await prepareAttribution(dataset)
  return dataset
}
