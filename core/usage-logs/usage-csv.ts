// The plain usage CSV (docs/usage-logs.md): one row per successful call, so any gateway's log can be
// mapped to it. Column names are matched without regard to case; `time`, `request_id`, `model` and
// the input and output counts are required. `tags` holds a JSON object of text values. A time
// without a zone is UTC; the account is the principal ARN's.
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

const REQUIRED = ['time', 'request_id', 'model', 'input_tokens', 'output_tokens'] as const
const OPTIONAL = [
  'principal_arn',
  'end_user',
  'team',
  'tags',
  'region',
  'cache_read_tokens',
  'cache_write_tokens',
  'est_cost_usd',
] as const

const USAGE_CSV_COLUMNS: readonly string[] = [...REQUIRED, ...OPTIONAL]

type Column = (typeof USAGE_CSV_COLUMNS)[number]

export function isUsageCsvHeader(header: string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase())
  return REQUIRED.every((c) => names.includes(c))
}

/** The header's columns that are not usage CSV columns, for a notice. */
export function unreadUsageCsvColumns(header: string[]): string[] {
  return header.filter((h) => !USAGE_CSV_COLUMNS.includes(h.trim().toLowerCase()))
}

/** Reads rows of a file whose header is `header` (checked with isUsageCsvHeader). */
export function usageCsvReader(header: string[]) {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase()
    if (!index.has(name)) index.set(name, i)
  })
  return (fields: string[]): Parsed => {
    if (fields.length !== header.length) {
      return { reason: lineReasons.fieldCount(header.length, fields.length) }
    }
    const get = (c: Column) => {
      const i = index.get(c)
      return i === undefined ? '' : fields[i].trim()
    }
    const requestId = get('request_id')
    if (requestId === '') return { reason: lineReasons.missing('request_id') }
    const model = get('model')
    if (model === '') return { reason: lineReasons.missing('model') }
    const notices: string[] = []
    let tags: Record<string, string> = {}
    const tagText = get('tags')
    if (tagText !== '') {
      try {
        const parsed: unknown = JSON.parse(tagText)
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error()
        tags = textMap(parsed)
      } catch {
        notices.push(lineReasons.tagsNotJson(tagText))
      }
    }
    const principalArn = text(get('principal_arn'))
    try {
      return {
        record: {
          requestId,
          tsMs: utcMillis(get('time')),
          principalArn,
          endUser: text(get('end_user')),
          team: text(get('team')),
          tags,
          modelRaw: model,
          modelId: model,
          region: text(get('region')),
          accountId: arnAccount(principalArn),
          inputTokens: tokenCount(get('input_tokens'), 'input_tokens'),
          cacheReadTokens: tokenCount(get('cache_read_tokens'), 'cache_read_tokens'),
          cacheWriteTokens: tokenCount(get('cache_write_tokens'), 'cache_write_tokens'),
          outputTokens: tokenCount(get('output_tokens'), 'output_tokens'),
          estCostUsd: costText(get('est_cost_usd')),
          ok: true,
        },
        notices,
      }
    } catch (e) {
      if (e instanceof BadValue) return { reason: e.message }
      throw e
    }
  }
}
