// Amazon Bedrock model invocation logs (USAGE-LOGS.md §1): one JSON record per line, as delivered
// to S3 (gzip NDJSON) or as a CloudWatch event's message. The caller's end user and team come from
// requestMetadata under keys the user names; all of requestMetadata becomes the record's tags. The
// input count is uncached: cache reads and writes are separate fields and never overlap it.
import { BadValue, textMap, tokenCount, utcMillis, type Parsed } from './usage-record.js'
import { lineReasons } from './messages.js'

/** Which requestMetadata keys name the end user and the team. */
export interface MetadataKeys {
  endUser: string
  team: string
}

export const DEFAULT_METADATA_KEYS: MetadataKeys = { endUser: 'end_user', team: 'team' }

/** Whether a parsed JSON value looks like an invocation log record at all. */
export function isInvocationRecord(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  return (
    record.schemaType === 'ModelInvocationLog' ||
    (typeof record.requestId === 'string' && typeof record.modelId === 'string')
  )
}

export function invocationRecord(value: unknown, keys: MetadataKeys): Parsed {
  if (!isInvocationRecord(value)) return { reason: lineReasons.notARecord }
  const { requestId, modelId } = value
  if (typeof requestId !== 'string' || requestId === '') return { reason: lineReasons.notARecord }
  if (typeof modelId !== 'string' || modelId === '') return { reason: lineReasons.notARecord }
  const input = (value.input ?? {}) as Record<string, unknown>
  const output = (value.output ?? {}) as Record<string, unknown>
  const identity = (value.identity ?? {}) as Record<string, unknown>
  const metadata = textMap(value.requestMetadata)
  try {
    return {
      record: {
        requestId,
        tsMs: utcMillis(value.timestamp),
        principalArn: typeof identity.arn === 'string' ? identity.arn : null,
        endUser: metadata[keys.endUser] ?? null,
        team: metadata[keys.team] ?? null,
        tags: metadata,
        modelRaw: modelId,
        modelId,
        region: typeof value.region === 'string' ? value.region : null,
        accountId: typeof value.accountId === 'string' ? value.accountId : null,
        inputTokens: tokenCount(input.inputTokenCount, 'inputTokenCount'),
        cacheReadTokens: tokenCount(input.cacheReadInputTokenCount, 'cacheReadInputTokenCount'),
        cacheWriteTokens: tokenCount(input.cacheWriteInputTokenCount, 'cacheWriteInputTokenCount'),
        outputTokens: tokenCount(output.outputTokenCount, 'outputTokenCount'),
        estCostUsd: null,
        ok: value.errorCode === undefined || value.errorCode === null,
      },
      notices: [],
    }
  } catch (e) {
    if (e instanceof BadValue) return { reason: e.message }
    throw e
  }
}
