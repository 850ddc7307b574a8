// `cur-lens rules check` end to end on the bundled demo and its example rules: the JSON amounts are
// exact decimals that add up, and the table's shares are rounded (not truncated) to add up to 100.0 %.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))
const RULES = fileURLToPath(new URL('../../../resources/demo/rules.json', import.meta.url))

/** A plain decimal token as units of 1e-10. */
function units(text: string): bigint {
  const [whole, fraction = ''] = text.replace('-', '').split('.')
  const value = BigInt(whole + fraction.padEnd(10, '0'))
  return text.startsWith('-') ? -value : value
}

describe('cur-lens rules check', () => {
  it('prints shares that are the exact ones rounded to a tenth, adding up to 100.0 %', async () => {
    const args = [CLI, 'rules', 'check', DEMO, '--rules', RULES]
    const [json, table] = await Promise.all([
      run(process.execPath, [...args, '--json']),
      run(process.execPath, args),
    ])
    // The amounts as written, digit for digit: they add up exactly.
    const amounts = [...json.stdout.matchAll(/"(matchedCost|unmatched|total)": (-?[\d.]+)/g)]
    const total = units(amounts.at(-1)![2])
    const parts = amounts.slice(0, -1).map((m) => units(m[2]))
    expect(parts.reduce((s, u) => s + u, 0n)).toBe(total)
    // One share per rule and the unmatched rest; the header and the total line have none.
    const shares = table.stdout
      .split('\n')
      .filter((line) => line.endsWith('%'))
      .map((line) => Number(/(-?[\d.]+)%$/.exec(line)![1]))
    expect(shares).toHaveLength(parts.length)
    expect(shares.reduce((s, x) => s + Math.round(x * 10), 0)).toBe(1000)
    parts.forEach((part, i) => {
      expect(Math.abs(shares[i] - (Number(part) / Number(total)) * 100)).toBeLessThan(0.1)
    })
  })
})
