import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layer lint inside core', () => {
  it('refuses an import of a layer above', async () => {
    for (const [file, spec] of [
      ['core/sources/any.ts', '../rows/attributed-rows.js'],
      ['core/rows/any.ts', '../reports/breakdown.js'],
      ['core/rows/any.ts', '../chargeback/allocate.js'],
      ['core/reports/any.ts', '../chargeback/allocate.js'],
      ['core/chargeback/any.ts', '../reports/breakdown.js'],
      ['core/engine/any.ts', '../sources/index.js'],
    ]) {
      expect(
        await problems(file, `import { x } from '${spec}'\nexport const y = x\n`),
        file,
      ).toEqual([expect.stringContaining('may not import a layer above it')])
    }
  })

  it('accepts an import of a layer below, and of the API types from anywhere', async () => {
    for (const [file, spec] of [
      ['core/rows/any.ts', '../sources/dataset.js'],
      ['core/reports/any.ts', '../rows/attributed-rows.js'],
      ['core/chargeback/any.ts', '../rows/grouped-rows.js'],
      ['core/sources/any.ts', '../api.js'],
    ]) {
      expect(
        await problems(file, `import { x } from '${spec}'\nexport const y = x\n`),
        file,
      ).toEqual([])
    }
  })
})
