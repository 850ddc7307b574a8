// LiteLLM proxy logs (USAGE-LOGS.md §2): rows of the LiteLLM_SpendLogs table, exported as CSV or
// JSON (a bare array, or the API's {data: [...]}), and the StandardLoggingPayload its logging
// callbacks write per request. The end user is `end_user` (the request's user), else the key's
// owner. Token trap: on Bedrock, LiteLLM counts cache reads inside prompt_tokens, so uncached input
// is prompt_tokens minus the cache reads of the usage object; cache writes are apart already.
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

/** What the logs cannot say: the AWS role the gateway calls Bedrock with. */
export interface GatewayFacts {
  principalArn: string | null
}

const SPEND_LOG_COLUMNS = ['request_id', 'starttime', 'prompt_tokens']

/** A CSV header or JSON row of LiteLLM_SpendLogs. */
export function isSpendLogHeader(names: string[]): boolean {
  const lower = names.map((n) => n.trim().toLowerCase())
  return SPEND_LOG_COLUMNS.every((c) => lower.includes(c))
}

export function isSpendLogRow(value: unknown): value is Record<string, unknown> {
  return isObject(value) && isSpendLogHeader(Object.keys(value))
}

/** A StandardLoggingPayload: an `id`, a `call_type` and epoch-second times. */
export function isLoggingPayload(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.call_type === 'string' &&
    typeof value.startTime === 'number'
  )
}

/** One spend-log row; CSV cells are text (JSON columns as JSON text), JSON rows keep objects. */
export function spendLogRecord(row: Record<string, unknown>, facts: GatewayFacts): Parsed {
  const get = caseless(row)
  const notices: string[] = []
  const metadata = jsonObject(get('metadata'), 'metadata', notices)
  return litellmRecord(
    {
      id: get('request_id'),
      startMs: () => utcMillis(get('starttime')),
      status: text(get('status')) ?? text(metadata.status),
      promptTokens: get('prompt_tokens'),
      completionTokens: get('completion_tokens'),
      cost: get('spend'),
      model: get('model'),
      apiBase: get('api_base'),
      endUser: text(get('end_user')) ?? text(get('user')) ?? text(metadata.user_api_key_alias),
      team: text(metadata.user_api_key_team_alias) ?? text(get('team_id')),
      metadata,
      requestTags: jsonList(get('request_tags'), notices),
    },
    facts,
    notices,
  )
}

/** One StandardLoggingPayload (startTime in epoch seconds). */
export function loggingPayloadRecord(
  payload: Record<string, unknown>,
  facts: GatewayFacts,
): Parsed {
  const notices: string[] = []
  const metadata = isObject(payload.metadata) ? payload.metadata : {}
  return litellmRecord(
    {
      id: payload.id,
      startMs: () => epochSecondsMillis(payload.startTime),
      status: text(payload.status),
      promptTokens: payload.prompt_tokens,
      completionTokens: payload.completion_tokens,
      cost: payload.response_cost,
      model: payload.model,
      apiBase: payload.api_base,
      endUser:
        text(payload.end_user) ??
        text(metadata.user_api_key_user_id) ??
        text(metadata.user_api_key_alias),
      team: text(metadata.user_api_key_team_alias) ?? text(metadata.user_api_key_team_id),
      metadata,
      requestTags: jsonList(payload.request_tags, notices),
    },
    facts,
    notices,
  )
}

interface LitellmFields {
  id: unknown
  startMs: () => number
  status: string | null
  promptTokens: unknown
  completionTokens: unknown
  cost: unknown
  model: unknown
  apiBase: unknown
  endUser: string | null
  team: string | null
  metadata: Record<string, unknown>
  requestTags: string[]
}

function litellmRecord(f: LitellmFields, facts: GatewayFacts, notices: string[]): Parsed {
  const requestId = text(f.id)
  if (!requestId) return { reason: lineReasons.missing('request_id') }
  const model = text(f.model)
  if (!model) return { reason: lineReasons.missing('model') }
  try {
    const usage = isObject(f.metadata.usage_object) ? f.metadata.usage_object : {}
    const details = isObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {}
    const cacheRead = tokenCount(
      usage.cache_read_input_tokens ?? details.cached_tokens,
      'cache_read_input_tokens',
    )
    const prompt = tokenCount(f.promptTokens, 'prompt_tokens')
    if (cacheRead > prompt) notices.push(lineReasons.cacheAbovePrompt(cacheRead, prompt))
    const tags: Record<string, string> = textMap(f.metadata.spend_logs_metadata)
    for (const tag of f.requestTags) tags[tag] = ''
    return {
      record: {
        requestId,
        tsMs: f.startMs(),
        principalArn: facts.principalArn,
        endUser: f.endUser,
        team: f.team,
        tags,
        modelRaw: model,
        modelId: model.replace(/^bedrock\/((converse|invoke|converse_like)\/)?/, ''),
        region: regionOf(text(f.apiBase)),
        accountId: arnAccount(facts.principalArn),
        inputTokens: Math.max(0, prompt - cacheRead),
        cacheReadTokens: cacheRead,
        cacheWriteTokens: tokenCount(
          usage.cache_creation_input_tokens,
          'cache_creation_input_tokens',
        ),
        outputTokens: tokenCount(f.completionTokens, 'completion_tokens'),
        estCostUsd: costText(f.cost),
        ok: f.status === null || f.status.toLowerCase() === 'success',
      },
      notices,
    }
  } catch (e) {
    if (e instanceof BadValue) return { reason: e.message }
    throw e
  }
}

/** The Region of a Bedrock endpoint (`https://bedrock-runtime.us-east-1.amazonaws.com`). */
function regionOf(apiBase: string | null): string | null {
  return (apiBase && /bedrock[a-z-]*\.([a-z]{2}(-gov)?-[a-z]+-\d)\./.exec(apiBase)?.[1]) || null
}

function epochSecondsMillis(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new BadValue(lineReasons.badTimestamp(String(value)))
  }
  return Math.round(value * 1000)
}

/** A JSON column: an object as is, JSON text parsed; anything else is empty, with a notice. */
function jsonObject(value: unknown, column: string, notices: string[]): Record<string, unknown> {
  if (isObject(value)) return value
  if (typeof value !== 'string' || value.trim() === '') return {}
  try {
    const parsed: unknown = JSON.parse(value)
    if (isObject(parsed)) return parsed
  } catch {
    // reported below
  }
  notices.push(lineReasons.notJsonColumn(column))
  return {}
}

function jsonList(value: unknown, notices: string[]): string[] {
  let list = value
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      list = JSON.parse(value)
    } catch {
      notices.push(lineReasons.notJsonColumn('request_tags'))
      return []
    }
  }
  return Array.isArray(list) ? list.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))) : []
}

function caseless(row: Record<string, unknown>): (name: string) => unknown {
  const lower = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]))
  return (name) => lower.get(name)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}
