import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportChargeback } from '../../../core/chargeback/index.js'
import { openAttributedDataset, type TestRows } from './attributed-dataset.js'
import { JULY_ROWS, TEAM_RULES } from './team-data.js'

let root: string
let dataset: TestRows | undefined
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-export-'))
})
afterEach(async () => {
  await dataset?.close()
  dataset = undefined
  await rm(root, { recursive: true, force: true })
})

const readCsv = async (path: string) => {
  const text = await readFile(path, 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

describe('chargeback export', () => {
  it('names the statement lines by role when asked, in a column named role', async () => {
    dataset = await openAttributedDataset(JULY_ROWS)
    const out = join(root, 'by-role')
    await exportChargeback(dataset, {
      rules: TEAM_RULES,
      basis: 'unblended',
      period: '2026-07',
      outDir: out,
      perRecipient: true,
      lineDetail: 'role',
    })
    const lines = (await readCsv(join(out, 'statement-backend.csv'))).filter(
      (r) => r.section === 'line',
    )
    expect(lines.map((r) => [r.role, r.amount])).toEqual([['BackendDev', '150.00']])
    expect(lines[0]).not.toHaveProperty('principal')
    const metadata = JSON.parse(await readFile(join(out, 'chargeback-metadata.json'), 'utf8'))
    expect(metadata.lineDetail).toBe('role')
  })

  it('writes the summary, allocations, statements and a metadata sidecar finance can reproduce', async () => {
    const source = join(root, 'cur-00001.csv')
    await writeFile(source, 'pretend,cur\n1,2\n')
    dataset = await openAttributedDataset(JULY_ROWS, [{ path: source, rows: 14, bytes: 16 }])
    const out = join(root, 'out', 'july')
    const result = await exportChargeback(dataset, {
      rules: TEAM_RULES,
      basis: 'unblended',
      period: '2026-07',
      shared: { tax: { method: 'proportional' } },
      outDir: out,
      perRecipient: true,
    })
    const names = (await readdir(out)).sort()
    expect(names).toEqual([
      'chargeback-allocations.csv',
      'chargeback-metadata.json',
      'chargeback-summary.csv',
      'statement-backend.csv',
      expect.stringMatching(/^statement-credits-[0-9a-f]{8}\.csv$/),
      'statement-data.csv',
      expect.stringMatching(/^statement-fees-[0-9a-f]{8}\.csv$/),
      'statement-frontend.csv',
      expect.stringMatching(/^statement-unallocated-[0-9a-f]{8}\.csv$/),
    ])
    expect(result.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(names)

    // tax 30.00 in proportion 3 : 2 : 1 → 15 / 10 / 5
    expect(await readCsv(join(out, 'chargeback-summary.csv'))).toEqual([
      {
        recipient: 'backend',
        kind: 'recipient',
        period: '2026-07',
        basis: 'unblended',
        direct: '150.00',
        shared: '15.00',
        total: '165.00',
      },
      {
        recipient: 'data',
        kind: 'recipient',
        period: '2026-07',
        basis: 'unblended',
        direct: '100.00',
        shared: '10.00',
        total: '110.00',
      },
      {
        recipient: 'frontend',
        kind: 'recipient',
        period: '2026-07',
        basis: 'unblended',
        direct: '50.00',
        shared: '5.00',
        total: '55.00',
      },
      {
        recipient: '(unallocated)',
        kind: 'unallocated',
        period: '2026-07',
        basis: 'unblended',
        direct: '0.00',
        shared: '15.00',
        total: '15.00',
      },
      {
        recipient: '(fees)',
        kind: 'unallocated',
        period: '2026-07',
        basis: 'unblended',
        direct: '0.00',
        shared: '100.00',
        total: '100.00',
      },
      {
        recipient: '(credits)',
        kind: 'unallocated',
        period: '2026-07',
        basis: 'unblended',
        direct: '0.00',
        shared: '-21.25',
        total: '-21.25',
      },
    ])

    const backend = await readCsv(join(out, 'statement-backend.csv'))
    expect(backend.map((r) => [r.section, r.principal, r.rule, r.amount])).toEqual([
      [
        'line',
        'arn:aws:sts::111122223333:assumed-role/BackendDev/javier@example.com',
        'backend-role',
        '67.30',
      ],
      [
        'line',
        'arn:aws:sts::111122223333:assumed-role/BackendDev/ana@example.com',
        'backend-role',
        '41.50',
      ],
      [
        'line',
        'arn:aws:sts::111122223333:assumed-role/BackendDev/luis@example.com',
        'backend-role',
        '41.20',
      ],
      ['direct', '', '', '150.00'],
      ['shared', '', '', '15.00'],
      ['total', '', '', '165.00'],
    ])
    expect(backend[4].description).toBe(
      'Tax (30.00) is split among 3 recipients in proportion to their direct cost.',
    )

    const allocations = await readCsv(join(out, 'chargeback-allocations.csv'))
    expect(
      allocations.filter((a) => a.bucket === 'tax').map((a) => [a.recipient, a.amount]),
    ).toEqual([
      ['backend', '15.00'],
      ['data', '10.00'],
      ['frontend', '5.00'],
    ])

    const metadata = JSON.parse(await readFile(join(out, 'chargeback-metadata.json'), 'utf8'))
    expect(metadata).toMatchObject({
      period: '2026-07',
      basis: 'unblended',
      billTotal: '423.75',
      reconciles: true,
      recipientsBy: 'rules',
      rules: TEAM_RULES,
      shared: { tax: { method: 'proportional' }, credits: { method: 'keep' } },
      sources: [
        { path: source, sha256: createHash('sha256').update('pretend,cur\n1,2\n').digest('hex') },
      ],
    })
    expect(metadata.files.statements).toContainEqual({
      recipient: 'backend',
      kind: 'recipient',
      file: 'statement-backend.csv',
    })
  })

  it('writes Excel-safe bytes: BOM, CRLF, numeric credits, escaped formulas, and the same bytes again', async () => {
    const payloads = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-1.5', '=1+1\nx', '\n=1']
    dataset = await openAttributedDataset([
      ...payloads.map((team, i) => ({
        principal_arn: i === 0 ? '=cmd|" /C calc"!A0' : `arn:aws:iam::111122223333:user/u${i}`,
        unblended_cost: `${i + 1}.00`,
        tags: { team },
      })),
      { line_item_type: 'Credit', unblended_cost: '-1.25' },
    ])
    const request = { by: 'tag:team' as const, basis: 'unblended' as const, perRecipient: true }
    await exportChargeback(dataset, { ...request, outDir: join(root, 'a') })
    await exportChargeback(dataset, { ...request, outDir: join(root, 'b') })

    const summary = await readFile(join(root, 'a', 'chargeback-summary.csv'), 'utf8')
    expect(summary.startsWith('\uFEFFrecipient,kind,period,basis,direct,shared,total\r\n')).toBe(
      true,
    )
    expect(summary.replace(/\r\n/g, '').includes('\n=1')).toBe(true) // only inside a quoted cell
    expect(summary).toContain('\r\n(credits),unallocated,all,unblended,0.00,-1.25,-1.25\r\n')
    const rows = Papa.parse<Record<string, string>>(summary, {
      header: true,
      skipEmptyLines: true,
    }).data
    const recipients = rows
      .filter((r) => r.kind === 'recipient')
      .map((r) => r.recipient)
      .sort()
    expect(recipients).toEqual(payloads.map((p) => `'${p}`).sort())
    expect(rows.find((r) => r.recipient === "'-1.5")?.total).toBe('4.00')

    const first = (await readdir(join(root, 'a'))).sort()
    expect((await readdir(join(root, 'b'))).sort()).toEqual(first)
    for (const name of first) {
      expect(await readFile(join(root, 'b', name))).toEqual(await readFile(join(root, 'a', name)))
    }
    const statement = first.find((n) => n.startsWith('statement-HYPERLINK'))!
    const lines = await readCsv(join(root, 'a', statement))
    expect(lines[0].principal).toBe(`'=cmd|" /C calc"!A0`)
  })

  it('writes the same bytes when exporting twice into one folder', async () => {
    dataset = await openAttributedDataset(JULY_ROWS)
    const request = {
      rules: TEAM_RULES,
      basis: 'unblended' as const,
      outDir: join(root, 'x'),
      perRecipient: true,
    }
    await exportChargeback(dataset, request)
    const before = await Promise.all(
      (await readdir(join(root, 'x'))).sort().map((n) => readFile(join(root, 'x', n))),
    )
    await exportChargeback(dataset, request)
    const after = await Promise.all(
      (await readdir(join(root, 'x'))).sort().map((n) => readFile(join(root, 'x', n))),
    )
    expect(after).toEqual(before)
  })

  it('removes the statements of recipients an earlier export listed and this one has not', async () => {
    dataset = await openAttributedDataset(JULY_ROWS)
    const out = join(root, 'again')
    const request = {
      rules: TEAM_RULES,
      basis: 'unblended' as const,
      period: '2026-07',
      outDir: out,
      perRecipient: true,
    }
    await exportChargeback(dataset, request)
    await writeFile(join(out, 'statement-kept-by-the-user.csv'), 'not ours\n')
    const fewer = await exportChargeback(dataset, {
      ...request,
      rules: { ...TEAM_RULES, rules: TEAM_RULES.rules.filter((r) => r.recipient !== 'frontend') },
    })
    const names = await readdir(out)
    expect(names).not.toContain('statement-frontend.csv')
    expect(names).toContain('statement-backend.csv')
    expect(names).toContain('statement-kept-by-the-user.csv')
    expect(fewer.removed).toEqual([join(out, 'statement-frontend.csv')])

    const none = await exportChargeback(dataset, { ...request, perRecipient: false })
    expect(none.removed.length).toBeGreaterThan(0)
    expect((await readdir(out)).filter((n) => n.startsWith('statement-'))).toEqual([
      'statement-kept-by-the-user.csv',
    ])
  })

  it('names the folder it cannot write', async () => {
    dataset = await openAttributedDataset(JULY_ROWS)
    await writeFile(join(root, 'a-file'), 'x')
    const outDir = join(root, 'a-file', 'out')
    await expect(
      exportChargeback(dataset, { rules: TEAM_RULES, basis: 'unblended', outDir }),
    ).rejects.toMatchObject({ code: 'WRITE_FAILED', file: outDir })
  })
})
