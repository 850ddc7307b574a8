import { describe, expect, it } from 'vitest'
import { sheetName, toXlsx } from '../../../core/format/xlsx.js'
import { readWorkbook } from '../../fixtures/read-workbook.js'
import { statementSheetNames } from '../../../core/chargeback/workbook.js'

const OPTIONS = { currency: 'EUR', date: new Date(Date.UTC(2026, 6, 1)) }

describe('xlsx tables', () => {
  it('escapes formula-like text as the CSV does and keeps credits numeric', async () => {
    const payloads = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-1.5', '\n=1', '＝1+1']
    const bytes = await toXlsx(
      [
        {
          name: 'Sheet',
          tables: [
            {
              columns: [
                { name: 'team', type: 'text' },
                { name: 'amount', type: 'money' },
              ],
              rows: payloads.map((p, i) => [p, `-${i}.25`]),
            },
          ],
        },
      ],
      OPTIONS,
    )
    const sheet = (await readWorkbook(bytes)).getWorksheet('Sheet')!
    payloads.forEach((p, i) => {
      const row = sheet.getRow(i + 2)
      expect(row.getCell(1).value).toBe(`'${p}`)
      expect(row.getCell(2).value).toBe(-i - 0.25)
      expect(row.getCell(2).numFmt).toBe('[$EUR] #,##0.00;-[$EUR] #,##0.00')
    })
  })

  it('refuses a number column cell that is not a plain decimal', async () => {
    const sheets = [
      {
        name: 'S',
        tables: [{ columns: [{ name: 'n', type: 'money' as const }], rows: [['-2+3']] }],
      },
    ]
    await expect(toXlsx(sheets, OPTIONS)).rejects.toThrow('column n expects a number')
  })

  it('names sheets as Excel allows: no []:*?/\\, at most 31 characters, distinct ignoring case', () => {
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a_b_c_d_e_f_g_h')
    expect(sheetName("'quoted'")).toBe('quoted')
    expect(sheetName('')).toBe('Sheet')
    const long = 'x'.repeat(40)
    expect(statementSheetNames(['summary', 'Backend', 'backend', long, long])).toEqual([
      'summary (2)',
      'Backend',
      'backend (2)',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
    ])
  })
})
