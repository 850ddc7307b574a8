// `cur-lens tokens` end to end on the bundled demo, against the figures in resources/demo/README.md.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

// From resources/demo/README.md (model, cost, tokens), written by the demo generator.
const DEMO_MODELS: [string, number, number][] = [
  ['Claude Sonnet 4.6', 90.07922, 83178789],
  ['Claude Haiku 4.5', 48.152939, 110625734],
  ['Amazon Nova Pro', 24.898467, 15175259],
  ['Claude Opus 4.6', 22.501533, 2728642],
  ['Claude Opus 4.7', 18.611594, 2055653],
  ['Llama 4 Maverick 17B Instruct', 16.118184, 35984279],
  ['gpt-oss-120b', 11.468485, 27287601],
  ['Amazon Nova Lite', 11.406827, 125117234],
  ['Grok 4.3', 10.125882, 5299439],
  ['Amazon Nova 2 Lite', 3.054766, 9256866],
]

describe('cur-lens tokens', () => {
  it('prints tokens, cost and cost per million tokens for each model', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'tokens', DEMO, '--format', 'json'])
    const rows = JSON.parse(stdout) as {
      model: string
      tokens: number
      cost: number
      costPerMillionTokens: number
    }[]
    expect(rows.map((r) => r.model).sort()).toEqual(DEMO_MODELS.map(([m]) => m).sort())
    for (const [model, cost, tokens] of DEMO_MODELS) {
      const row = rows.find((r) => r.model === model)!
      expect(row.tokens).toBe(tokens)
      expect(row.cost).toBeCloseTo(cost, 6)
      expect(row.costPerMillionTokens).toBeCloseTo((cost * 1e6) / tokens, 5)
    }
  })
})
