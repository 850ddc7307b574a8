// One model call as a log reader found it, before its model is normalized and before duplicates
// are dropped: what every log format is turned into. Parsing a record gives it, or the reason the
// line is not loaded; values are checked here, so a bad value names its line.
import { lineReasons } from './messages.js'

/** The `source` column of usage_log: which system wrote the log. */
export type UsageSource = 'bedrock_mil' | 'litellm' | 'langfuse' | 'csv'

export interface UsageRecord {
  requestId: string
  /** Call start, milliseconds since the epoch, UTC. */
  tsMs: number
  principalArn: string | null
  endUser: string | null
  team: string | null
  tags: Record<string, string>
  /** The model as logged. */
  modelRaw: string
  /** The id the model key is read from (a gateway's `bedrock/…` route prefix removed). */
  modelId: string
  region: string | null
  /** The AWS account the call ran in, when the log says (Bedrock's accountId, the principal ARN). */
  accountId: string | null
  inputTokens: number
  cacheReadTokens: number
  cacheWriteTokens: number
  outputTokens: number
  /** The source's own cost estimate in USD, as decimal text; null when it has none. */
  estCostUsd: string | null
  ok: boolean
}

/** A parsed line: a record (with what was left out of it), or why it was not loaded. */
export type Parsed = { record: UsageRecord; notices: string[] } | { reason: string }

export class BadValue extends Error {}

/** Milliseconds since the epoch of an ISO-like date and time; a time without a zone is UTC. */
export function utcMillis(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new BadValue(lineReasons.badTimestamp(String(value)))
  }
  let text = value.trim().replace(' ', 'T')
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10) text += 'Z'
  const ms = Date.parse(text)
  if (Number.isNaN(ms)) throw new BadValue(lineReasons.badTimestamp(value))
  return ms
}

/** A token count: absent or empty is 0; anything but a whole number ≥ 0 is a bad value. */
export function tokenCount(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') return 0
  const count = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new BadValue(lineReasons.badTokens(field, String(value)))
  }
  return count
}

/** A cost in USD as decimal text with at most 10 decimals (the DECIMAL(18,10) of usage_log). */
export function costText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  const number = typeof value === 'string' ? Number(value.trim()) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new BadValue(lineReasons.badCost(String(value)))
  }
  if (typeof value === 'string' && /^-?\d+(\.\d{1,10})?$/.test(value.trim())) return value.trim()
  return number.toFixed(10)
}

/** Text, or null when absent or empty. */
export function text(value: unknown): string | null {
  if (value === undefined || value === null) return null
  const s = typeof value === 'string' ? value : JSON.stringify(value)
  return s === '' ? null : s
}

/** A JSON object's entries as text values (non-text values as their JSON). */
export function textMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const map: Record<string, string> = {}
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) map[key] = typeof v === 'string' ? v : JSON.stringify(v)
  }
  return map
}

/** The account id of an IAM or STS ARN (`arn:aws:sts::123456789012:…`). */
export function arnAccount(arn: string | null): string | null {
  return (arn && /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1]) || null
}
