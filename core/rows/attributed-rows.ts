// Public face of core/attribution: prepare a dataset for attribution (lookup tables, the
// `cur_attributed` view, the background cache), then group-by over declared dimensions, tag keys,
// line-item drill-down and cost per million tokens. Column contract of `cur_attributed`:
// attribution-views.ts.
import type {
  BreakdownQuery,
  BreakdownResult,
  LineItemsQuery,
  LineItemsResult,
  TagKeysResult,
} from '../api.js'
import type { Dataset } from '../sources/dataset.js'
import { buildAttributionCache, initCacheState, waitForAttributionCache } from './cache-state.js'
import { indexTagSets } from './tag-sets.js'
import {
  CREATE_ATTRIBUTION_ROWS,
  CREATE_ATTRIBUTION_ROWS_BEDROCK,
  CREATE_ATTRIBUTION_ROWS_PRINCIPAL,
  CREATE_ATTRIBUTION_ROWS_UNJOINED,
  CREATE_CUR_ATTRIBUTED,
  createTaggedView,
  TAGGED_VIEWS,
} from './row-views.js'
import { breakdown as runBreakdown } from '../reports/breakdown.js'
import { lineItems as runLineItems } from '../reports/line-items.js'
import { buildBedrockDim, buildPrincipalDim } from './lookups.js'
import { tagKeys as runTagKeys } from './tag-names.js'
import { recordTagSetsSwitch } from './tag-sets-switch.js'

export { parsePrincipalArn, type Principal, type PrincipalKind } from './principal-arn.js'
export { classifyBedrockLine, type BedrockClassification } from './bedrock-classifier.js'
export { tokenUnitCosts } from '../reports/token-unit-cost.js'
export { modelCoverage } from '../reports/model-coverage.js'
export { invocationModel, type InvocationModel } from './invocation-model-id.js'

/**
 * Builds what every later query needs: `principal_dim`, `bedrock_dim`, the `cur_attributed`,
 * `attribution_rows`, `attribution_rows_unjoined`, `attribution_rows_principal` and
 * `attribution_rows_bedrock` views and their `_tagged` twins (reading tags row by row at first).
 * Then starts, without awaiting, the tag sets (the twins switch to them once built) and the build
 * of the cache (`attribution_store.facts`, in the work directory); queries use it once the engine
 * marks it ready.
 */
export async function prepareAttribution(dataset: Dataset, signal?: AbortSignal): Promise<void> {
  const { engine, workDirectory } = dataset
  await Promise.all([
    buildPrincipalDim(engine, workDirectory, signal),
    buildBedrockDim(engine, workDirectory, signal),
  ])
  await engine.query(CREATE_CUR_ATTRIBUTED, {}, { signal })
  await engine.query(CREATE_ATTRIBUTION_ROWS, {}, { signal })
  await engine.query(CREATE_ATTRIBUTION_ROWS_UNJOINED, {}, { signal })
  await engine.query(CREATE_ATTRIBUTION_ROWS_PRINCIPAL, {}, { signal })
  await engine.query(CREATE_ATTRIBUTION_ROWS_BEDROCK, {}, { signal })
  await createTaggedViews(dataset, false, signal)
  await initCacheState(engine, signal)
  // The build runs unawaited; closing the dataset first interrupts it, so no query keeps the
  // engine busy, or the cache file open (Windows cannot delete an open file), after close.
  const build = new AbortController()
  const building = buildInBackground(dataset, build.signal)
  const close = dataset.close.bind(dataset)
  dataset.close = async () => {
    build.abort()
    await building
    await close()
  }
}

/** Tag sets first (the cache build reads tags through them), then the cache. Never rejects. */
async function buildInBackground(dataset: Dataset, signal: AbortSignal): Promise<void> {
  const switched = switchToTagSets(dataset, signal)
  recordTagSetsSwitch(dataset, switched)
  await switched
  await buildAttributionCache(dataset.engine, dataset.workDirectory, signal)
}

async function switchToTagSets(dataset: Dataset, signal: AbortSignal): Promise<void> {
  try {
    if (await indexTagSets(dataset, signal)) await createTaggedViews(dataset, true, signal)
  } catch {
    // Without tag sets the _tagged views keep reading tags row by row: slower, the same figures.
  }
}

async function createTaggedViews(dataset: Dataset, tagSetsIndexed: boolean, signal?: AbortSignal) {
  for (const view of TAGGED_VIEWS)
    await dataset.engine.query(createTaggedView(view, tagSetsIndexed), {}, { signal })
}

/** Resolves when the background cache is ready (true) or failed (false); for benchmarks and tests. */
export async function attributionCacheReady(
  dataset: Dataset,
  signal?: AbortSignal,
): Promise<boolean> {
  return waitForAttributionCache(dataset.engine, signal)
}

export async function breakdown(
  dataset: Dataset,
  query: BreakdownQuery,
  signal?: AbortSignal,
): Promise<BreakdownResult> {
  return runBreakdown(dataset, query, { signal })
}

export async function tagKeys(dataset: Dataset): Promise<TagKeysResult> {
  return runTagKeys(dataset)
}

export async function lineItems(dataset: Dataset, query: LineItemsQuery): Promise<LineItemsResult> {
  return runLineItems(dataset, query)
}
