// What a parsed JSON value is as a usage record: a Bedrock invocation log record, a LiteLLM
// spend-log row, a LiteLLM logging payload or a Langfuse observation, told apart by their own fields; and the records of a
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
import { isModelCall, isObservation, observationRecord } from './langfuse.js'
import { lineReasons } from './messages.js'
import type { Parsed, UsageSource } from './usage-record.js'

export type JsonFormat =
  'bedrock-invocation-logs' | 'litellm-spend-logs' | 'litellm-payloads' | 'langfuse-observations'

/** A record read: parsed (or why not), or an entry that is not a model call (a Langfuse span). */
export type RecordRead = { parsed: Parsed; source?: UsageSource } | { notCall: true }

export interface JsonContext {
  metadataKeys: MetadataKeys
  gateway: GatewayFacts
}

export function jsonFormat(value: unknown): JsonFormat | undefined {
  if (isInvocationRecord(value)) return 'bedrock-invocation-logs'
  if (isSpendLogRow(value)) return 'litellm-spend-logs'
  if (isLoggingPayload(value)) return 'litellm-payloads'
  if (isObservation(value)) return 'langfuse-observations'
  return undefined
}

export const SOURCE_OF_FORMAT: Record<JsonFormat, UsageSource> = {
  'bedrock-invocation-logs': 'bedrock_mil',
  'litellm-spend-logs': 'litellm',
  'litellm-payloads': 'litellm',
  'langfuse-observations': 'langfuse',
}

/** A CloudWatch event whose message is not JSON. */
export const NOT_JSON = Symbol('not JSON')

export function jsonRecord(value: unknown, context: JsonContext): RecordRead {
  if (value === NOT_JSON) return { parsed: { reason: lineReasons.notJsonMessage } }
  const format = jsonFormat(value)
  if (!format) return { parsed: { reason: lineReasons.notARecord } }
  const record = value as Record<string, unknown>
  const source = SOURCE_OF_FORMAT[format]
  switch (format) {
    case 'bedrock-invocation-logs':
      return { parsed: invocationRecord(record, context.metadataKeys), source }
    case 'litellm-spend-logs':
      return { parsed: spendLogRecord(record, context.gateway), source }
    case 'litellm-payloads':
      return { parsed: loggingPayloadRecord(record, context.gateway), source }
    case 'langfuse-observations':
      if (!isModelCall(record)) return { notCall: true }
      return { parsed: observationRecord(record, context.metadataKeys, context.gateway), source }
  }
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
