import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toExcelCsv, type CsvColumn } from '../../../core/format/excel-csv.js'

const columns: CsvColumn[] = [
  { name: 'recipient', type: 'text' },
  { name: 'amount', type: 'number' },
]

const PAYLOADS: [string, string][] = [
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ['+1', "'+1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['-1.5', "'-1.5"],
  ['=1+1\nx', "'=1+1\nx"],
  ['\n=1', "'\n=1"],
  ['\t=1', "'\t=1"],
  ['\r=1', "'\r=1"],
  ['=1+2";=1+2', `'=1+2";=1+2`],
  ['＝1+1', "'＝1+1"],
  ['backend', 'backend'],
  ['a, "quoted" name', 'a, "quoted" name'],
]

describe('Excel-safe CSV', () => {
  it('starts with a BOM, uses CRLF and keeps money numeric', () => {
    const csv = toExcelCsv(columns, [
      ['credits', '-1.25'],
      ['backend', '142.30'],
    ])
    expect(csv).toBe('\uFEFFrecipient,amount\r\ncredits,-1.25\r\nbackend,142.30\r\n')
  })

  it('escapes every formula payload in text cells, and reads back as escaped text', () => {
    const csv = toExcelCsv(
      columns,
      PAYLOADS.map(([text]) => [text, '-1.25']),
    )
    const back = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data
    expect(back[0]).toEqual(['recipient', 'amount'])
    expect(back.slice(1)).toEqual(PAYLOADS.map(([, escaped]) => [escaped, '-1.25']))
  })

  it('quotes a cell holding a newline so it cannot start a new row', () => {
    const csv = toExcelCsv(columns, [['=1+1\nx', '0.00']])
    expect(csv).toContain(`"'=1+1\nx",0.00\r\n`)
  })

  it('decides by column type: a number column refuses text instead of escaping it', () => {
    expect(() => toExcelCsv(columns, [['x', '-2+3']])).toThrow(/expects a number/)
    expect(() => toExcelCsv(columns, [['x', '1e3']])).toThrow(/expects a number/)
  })

  it('writes null as an empty cell', () => {
    expect(toExcelCsv(columns, [[null, null]])).toBe('\uFEFFrecipient,amount\r\n,\r\n')
  })
})
