// What a parsed JSON value is as a usage record: a Bedrock invocation log record, a LiteLLM
// spend-log row or a LiteLLM logging payload, told apart by their own fields; and the records of a
// whole JSON document (an array of them, the LiteLLM API's {data: [...]}, CloudWatch Logs'
// `filter-log-events` {events: [...]} whose messages are invocation log records, or one record).
import { invocationRecord, isInvocationRecord, type MetadataKeys } from './invocation-log.js'
import {
  isLoggingPayload,
  isSpendLogRow,
  loggingPayloadRecord,
  spendLogRecord,
  type GatewayFacts,
} from './litellm.js'
import { lineReasons } from './messages.js'
import type { Parsed, UsageSource } from './usage-record.js'

export type JsonFormat = 'bedrock-invocation-logs' | 'litellm-spend-logs' | 'litellm-payloads'

export interface JsonContext {
  metadataKeys: MetadataKeys
  gateway: GatewayFacts
}

export function jsonFormat(value: unknown): JsonFormat | undefined {
  if (isInvocationRecord(value)) return 'bedrock-invocation-logs'
  if (isSpendLogRow(value)) return 'litellm-spend-logs'
  if (isLoggingPayload(value)) return 'litellm-payloads'
  return undefined
}

export const SOURCE_OF_FORMAT: Record<JsonFormat, UsageSource> = {
  'bedrock-invocation-logs': 'bedrock_mil',
  'litellm-spend-logs': 'litellm',
  'litellm-payloads': 'litellm',
}

/** A CloudWatch event whose message is not JSON. */
export const NOT_JSON = Symbol('not JSON')

export function jsonRecord(
  value: unknown,
  context: JsonContext,
): { parsed: Parsed; source?: UsageSource } {
  if (value === NOT_JSON) return { parsed: { reason: lineReasons.notJsonMessage } }
  const format = jsonFormat(value)
  if (!format) return { parsed: { reason: lineReasons.notARecord } }
  const record = value as Record<string, unknown>
  const parsed =
    format === 'bedrock-invocation-logs'
      ? invocationRecord(record, context.metadataKeys)
      : format === 'litellm-spend-logs'
        ? spendLogRecord(record, context.gateway)
        : loggingPayloadRecord(record, context.gateway)
  return { parsed, source: SOURCE_OF_FORMAT[format] }
}

/** The records a JSON document holds, or undefined when it holds none of a known kind. */
export function documentRecords(
  value: unknown,
): { records: unknown[]; format?: 'cloudwatch-events' } | undefined {
  const events = isObject(value) && Array.isArray(value.events) ? value.events : undefined
  if (events) {
    const records = events.map((e: unknown) => {
      const message = isObject(e) ? e.message : undefined
      return typeof message === 'string' ? (parseJson(message) ?? NOT_JSON) : NOT_JSON
    })
    return { records, format: 'cloudwatch-events' }
  }
  const list = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.data)
      ? value.data
      : [value]
  return list.length === 0 || list.some((v) => jsonFormat(v)) ? { records: list } : undefined
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value)
}
