// Langfuse observations (USAGE-LOGS.md §3): the blob-storage export's `observations_v2` rows
// (snake_case; Parquet, CSV, JSON lines) and the UI export's camelCase ones. Only generations and
// embeddings are model calls; spans and events are not usage and are passed over. Langfuse's
// `input` and `output` leave out their detailed parts (cached, audio, reasoning), so the cache keys
// are the cache counts and every other input_*/output_* part is added back to input or output.
// A level of ERROR is a failed call.
import type { MetadataKeys } from './invocation-log.js'
import type { GatewayFacts } from './litellm.js'
import { lineReasons } from './messages.js'
import {
  BadValue,
  arnAccount,
  costText,
  text,
  textMap,
  tokenCount,
  utcMillis,
  type Parsed,
} from './usage-record.js'

const CALL_TYPES = ['GENERATION', 'EMBEDDING']
const CACHE_READ_KEYS = [
  'input_cached_tokens',
  'input_cache_read',
  'cache_read_input_tokens',
  'input_cache_read_input_tokens',
]
const CACHE_WRITE_KEYS = [
  'input_cache_creation',
  'input_cache_write',
  'cache_creation_input_tokens',
  'input_cache_creation_input_tokens',
]

/** A row of an observations export, in either spelling. */
export function isObservation(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  return isObservationHeader(Object.keys(value))
}

export function isObservationHeader(names: string[]): boolean {
  const has = (snake: string, camel: string) => names.includes(snake) || names.includes(camel)
  return (
    names.includes('id') &&
    has('start_time', 'startTime') &&
    has('usage_details', 'usageDetails') &&
    names.includes('type')
  )
}

/** Whether an observation is a model call at all (generations and embeddings are). */
export function isModelCall(row: Record<string, unknown>): boolean {
  return CALL_TYPES.includes(String(row.type).toUpperCase())
}

export function observationRecord(
  row: Record<string, unknown>,
  keys: MetadataKeys,
  facts: GatewayFacts,
): Parsed {
  const get = (snake: string, camel: string) => row[snake] ?? row[camel]
  const notices: string[] = []
  const requestId = text(row.id)
  if (!requestId) return { reason: lineReasons.missing('id') }
  const model = text(get('provided_model_name', 'providedModelName')) ?? text(row.model)
  if (!model) return { reason: lineReasons.missing('provided_model_name') }
  const usage = jsonMap(get('usage_details', 'usageDetails'), 'usage_details', notices)
  const metadata = textMap(jsonMap(row.metadata, 'metadata', notices))
  const tags: Record<string, string> = { ...metadata }
  for (const tag of jsonList(row.tags)) tags[tag] = ''
  try {
    const parts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }
    for (const [key, value] of Object.entries(usage)) {
      const count = tokenCount(value, `usage_details.${key}`)
      if (CACHE_READ_KEYS.includes(key)) parts.cacheRead += count
      else if (CACHE_WRITE_KEYS.includes(key)) parts.cacheWrite += count
      else if (key === 'input' || key.startsWith('input_')) parts.input += count
      else if (key === 'output' || key.startsWith('output_')) parts.output += count
    }
    return {
      record: {
        requestId,
        tsMs: utcMillis(text(get('start_time', 'startTime'))),
        principalArn: facts.principalArn,
        endUser: text(get('user_id', 'userId')) ?? metadata[keys.endUser] ?? null,
        team: metadata[keys.team] ?? null,
        tags,
        modelRaw: model,
        modelId: model,
        region: null,
        accountId: arnAccount(facts.principalArn),
        inputTokens: parts.input,
        cacheReadTokens: parts.cacheRead,
        cacheWriteTokens: parts.cacheWrite,
        outputTokens: parts.output,
        estCostUsd: costText(get('total_cost', 'totalCost')),
        ok: String(row.level ?? '').toUpperCase() !== 'ERROR',
      },
      notices,
    }
  } catch (e) {
    if (e instanceof BadValue) return { reason: e.message }
    throw e
  }
}

/** A map column: an object as is (JSON, Parquet), JSON text parsed (CSV). */
function jsonMap(value: unknown, column: string, notices: string[]): Record<string, unknown> {
  let parsed = value
  if (typeof value === 'string') {
    if (value.trim() === '') return {}
    try {
      parsed = JSON.parse(value)
    } catch {
      parsed = undefined
    }
  }
  if (Array.isArray(parsed) && parsed.every((e) => e && typeof e === 'object' && 'key' in e)) {
    // DuckDB writes a MAP read from Parquet as [{key, value}, …] in some versions.
    return Object.fromEntries(parsed.map((e: { key: string; value: unknown }) => [e.key, e.value]))
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    return parsed as Record<string, unknown>
  }
  if (parsed !== null && parsed !== undefined) notices.push(lineReasons.notJsonColumn(column))
  return {}
}

function jsonList(value: unknown): string[] {
  let list = value
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      list = JSON.parse(value)
    } catch {
      return [value]
    }
  }
  return Array.isArray(list) ? list.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))) : []
}
