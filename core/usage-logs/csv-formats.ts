// The CSV log formats, told apart by their header: the usage CSV (docs/usage-logs.md), LiteLLM's
// spend logs, Langfuse's observations, and a CloudWatch Logs Insights export whose @message
// column holds invocation log records. Each gives how a row of fields becomes a record.
import {
  NOT_JSON,
  SOURCE_OF_FORMAT,
  jsonRecord,
  parseJson,
  type JsonContext,
  type RecordRead,
} from './json-records.js'
import { isModelCall, isObservationHeader, observationRecord } from './langfuse.js'
import { isSpendLogHeader, spendLogRecord } from './litellm.js'
import { lineReasons } from './messages.js'
import { isUsageCsvHeader, unreadUsageCsvColumns, usageCsvReader } from './usage-csv.js'

/** How the rows under a CSV header are read, when the header is of a known format. */
export function csvReader(header: string[], context: JsonContext) {
  const row = (fields: string[], read: (row: Record<string, string>) => RecordRead): RecordRead => {
    if (fields.length !== header.length) {
      return { parsed: { reason: lineReasons.fieldCount(header.length, fields.length) } }
    }
    return read(Object.fromEntries(header.map((h, i) => [h, fields[i]])))
  }
  if (isUsageCsvHeader(header)) {
    const parse = usageCsvReader(header)
    return {
      format: 'usage-csv' as const,
      unread: unreadUsageCsvColumns(header),
      read: (fields: string[]): RecordRead => ({ parsed: parse(fields), source: 'csv' }),
    }
  }
  if (isSpendLogHeader(header)) {
    const source = SOURCE_OF_FORMAT['litellm-spend-logs']
    return {
      format: 'litellm-spend-logs' as const,
      unread: [],
      read: (fields: string[]) =>
        row(fields, (r) => ({ parsed: spendLogRecord(r, context.gateway), source })),
    }
  }
  if (isObservationHeader(header)) {
    const source = SOURCE_OF_FORMAT['langfuse-observations']
    return {
      format: 'langfuse-observations' as const,
      unread: [],
      read: (fields: string[]) =>
        row(fields, (r) =>
          isModelCall(r)
            ? { parsed: observationRecord(r, context.metadataKeys, context.gateway), source }
            : { notCall: true },
        ),
    }
  }
  const message = header.indexOf('@message')
  if (message >= 0) {
    return {
      format: 'cloudwatch-insights' as const,
      unread: [],
      read: (fields: string[]): RecordRead => {
        if (fields.length !== header.length) {
          return { parsed: { reason: lineReasons.fieldCount(header.length, fields.length) } }
        }
        return jsonRecord(parseJson(fields[message]) ?? NOT_JSON, context)
      },
    }
  }
  return undefined
}
