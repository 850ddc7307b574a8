// Attributed rows over hand-written line items in a real locked-down engine. By default the
// attribution is made by hand: the principal roll-ups and models given with the rows fill the
// lookup tables before core/rows starts (each model under a usage type of its own), so the tests
// fix who is who independently of the ARN parser and the model catalog. With
// `{ attribution: 'real' }` core/rows works them out from the ARNs and usage types itself.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEngine } from '../../../core/engine/duckdb.js'
import { attributeRows, type AttributedRows } from '../../../core/rows/attributed-rows.js'
import { createLookupTables } from '../../../core/rows/lookups.js'
import { CUR_COLUMNS } from '../../../core/sources/cur-columns.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { createHandCurTable } from '../rows/hand-built-cur.js'

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

export type TestRows = AttributedRows & { close(): Promise<void> }

const HAND_MADE_USAGE_TYPE = (model: string) => `hand-made:${model}`
/** A principal given only by its roll-ups gets an ARN of its own, so the lookup can name it. */
const HAND_MADE_ARN = (r: ItemRow) =>
  r.principal_role || r.principal_person
    ? `hand-made:${r.principal_role ?? ''}/${r.principal_person ?? ''}/${r.principal_account ?? ''}`
    : null

export async function openAttributedDataset(
  rows: ItemRow[],
  files: { path: string; rows: number; bytes: number }[] = [],
  options: { attribution?: 'hand-made' | 'real' } = {},
): Promise<TestRows> {
  const handMade = options.attribution !== 'real'
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
    usage_type: handMade && r.model ? HAND_MADE_USAGE_TYPE(r.model) : null,
    ...r,
    principal_arn: r.principal_arn ?? (handMade ? HAND_MADE_ARN(r) : null),
  }))
  const input = join(workDirectory, 'rows.json')
  await writeFile(input, JSON.stringify(full))
  await createHandCurTable(engine)
  const given = CUR_COLUMNS.filter((c) => c.name !== 'tag_inputs' && c.name !== 'tag_set')
  const spec = given.map((c) => `'${c.name}': '${c.type}'`).join(', ')
  await engine.query(
    `INSERT INTO cur BY NAME
     SELECT *, {'tags': tags} AS tag_inputs, hash(tags) AS tag_set
     FROM read_json($input, columns = {${spec}}, format = 'array')`,
    { input },
  )
  if (handMade) {
    await createLookupTables(engine)
    for (const r of full) {
      if (r.principal_arn && (r.principal_role || r.principal_person)) {
        await engine.query(
          `INSERT INTO principal_dim BY NAME
           SELECT $arn AS principal_arn, 'assumed-role' AS kind, $person AS person, $role AS role,
                  $account AS account
           WHERE $arn NOT IN (SELECT principal_arn FROM principal_dim)`,
          {
            arn: r.principal_arn,
            person: r.principal_person ?? null,
            role: r.principal_role ?? null,
            account: r.principal_account ?? null,
          },
        )
      }
      if (r.model) {
        await engine.query(
          `INSERT INTO bedrock_dim BY NAME
           SELECT $code AS product_code, $usage_type AS usage_type, $model AS model
           WHERE $usage_type NOT IN (SELECT usage_type FROM bedrock_dim)`,
          { code: r.product_code, usage_type: HAND_MADE_USAGE_TYPE(r.model), model: r.model },
        )
      }
    }
  }
  const periods = [...new Set(full.map((r) => r.billing_period))].sort()
  const owned: { close(): Promise<void> }[] = []
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
    own: (resource) => void owned.push(resource),
    async close() {
      for (const resource of owned.reverse()) await resource.close()
      await engine.close()
      await rm(workDirectory, { recursive: true, force: true })
    },
  }
  const attributed = await attributeRows(dataset)
  return { ...attributed, close: () => dataset.close() }
}
