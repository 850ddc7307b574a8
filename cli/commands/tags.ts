// `cur-lens tags`: every tag key in the export as stored, with its label, its source, the unblended
// cost of the line items that carry it and that cost's share of the total, in the order of the app's
// Tags screen (by source, then widest share first). What a key does not cover is what a chargeback
// by it cannot place. As an aligned table, or as JSON for scripts: one object per key.
import type { TagKeysResult } from '../../core/api.js'
import { formatPercent } from '../../core/format/number.js'
import {
  SOURCE_OPTIONS,
  parseFormat,
  parseSources,
  runCommand,
  type Arguments,
} from '../arguments.js'
import { decimalText } from '../decimal-text.js'
import { formatJson, jsonDecimal } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens tags <path...> [--format table|json]

  --format <format>     table (default) or json: key, label, source, coveredCost and share (0..1)
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const TAGS = {
  name: 'tags',
  usage: USAGE,
  options: { ...SOURCE_OPTIONS, format: { type: 'string', default: 'table' } },
} as const

const FORMATS = ['table', 'json'] as const

function readOptions(args: Arguments<typeof TAGS.options>) {
  return { sources: parseSources(args), format: parseFormat(args.values.format, FORMATS) }
}

export function run(argv: string[]): Promise<number> {
  return runCommand(TAGS, argv, readOptions, ({ sources, format }) =>
    withOpenApi(sources, async (api) => {
      const result = await api.tagKeys()
      process.stdout.write(format === 'json' ? tagsJson(result) : tagsTable(result))
      return 0
    }),
  )
}

export function tagsJson(result: TagKeysResult): string {
  const items = result.keys.map((k) => ({
    key: k.key,
    label: k.label,
    source: k.source,
    coveredCost: jsonDecimal(k.coveredCost),
    share: k.share,
  }))
  return `${formatJson(items)}\n`
}

const cost = decimalText(2)

export function tagsTable(result: TagKeysResult): string {
  if (result.keys.length === 0) return 'This export has no tags.\n'
  const rows = [
    ['key', 'label', 'source', 'covered cost', 'share'],
    ...result.keys.map((k) => [
      k.key,
      k.label,
      k.source,
      cost(k.coveredCost),
      formatPercent(k.share, 'en-US'),
    ]),
  ]
  const right = new Set([3, 4])
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  const lines = rows.map((r) =>
    r
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  )
  const count = `${result.keys.length} tag ${result.keys.length === 1 ? 'key' : 'keys'}`
  return `${lines.join('\n')}\n\n${count}; shares are of ${cost(result.totalCost)} unblended cost.\n`
}
