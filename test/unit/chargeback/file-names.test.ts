import { describe, expect, it } from 'vitest'
import { statementFileNames } from '../../../core/chargeback/file-names.js'

describe('statement file names', () => {
  it('keeps a safe recipient name readable', () => {
    expect(statementFileNames(['backend', 'data.team_1'])).toEqual([
      'statement-backend.csv',
      'statement-data.team_1.csv',
    ])
  })

  it('never lets a name leave the folder or carry unsafe characters', () => {
    const names = statementFileNames(['../../etc/passwd', 'a/b', 'C:\\x', '(tax)', '', '=cmd|x'])
    for (const name of names) expect(name).toMatch(/^statement-[A-Za-z0-9._-]+\.csv$/)
    expect(names.every((n) => !n.includes('..'))).toBe(true)
  })

  it('gives distinct files to names that differ only by case or by unsafe characters', () => {
    const names = statementFileNames(['Backend', 'backend', 'a b', 'a-b', 'a/b', 'same', 'same'])
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
    expect(names[3]).toBe('statement-a-b.csv')
  })
})
