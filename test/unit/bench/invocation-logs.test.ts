import { describe, expect, it } from 'vitest'
import {
  LOGGED_USAGE_TYPES,
  callsInGroup,
  invocationLogLine,
  logFilePath,
  seededRandom,
} from '../../../bench/invocation-logs.js'
import { largeExportSelect } from '../../../bench/large-export-sql.js'
import { DEFAULT_METADATA_KEYS, invocationRecord } from '../../../core/usage-logs/invocation-log.js'

describe("the bench's invocation logs", () => {
  it('spread exactly the records asked for over the groups, evenly', () => {
    for (const [groups, records] of [
      [7, 100],
      [3, 2],
      [11_000, 100_000],
    ]) {
      const counts = Array.from({ length: groups }, (_, g) => callsInGroup(g, groups, records))
      expect(counts.reduce((a, b) => a + b, 0)).toBe(records)
      const low = Math.floor(records / groups)
      expect(counts.every((c) => c === low || c === low + 1)).toBe(true)
    }
  })

  it('draw the same numbers in [0, 1) from the same seed', () => {
    const a = seededRandom(18)
    const b = seededRandom(18)
    const drawn = Array.from({ length: 1000 }, () => a())
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(drawn).size).toBe(1000)
  })

  it('name a model and token type for every Bedrock token usage type the export bills', () => {
    const sql = largeExportSelect(10)
    const billed = new Set(sql.match(/'USE1-[^']*(tokens|token-count|TokenCount)[^']*'/g))
    expect(billed.size).toBe(9)
    expect(new Set(LOGGED_USAGE_TYPES.map((u) => `'${u.usageType}'`))).toEqual(billed)
  })

  it('write records as Bedrock does: one JSON line the invocation log reader takes', () => {
    const line = invocationLogLine({
      serial: 255,
      day: '2026-06-03',
      secondOfDay: 3 * 3600 + 61,
      accountId: '111111111111',
      principalArn: 'arn:aws:sts::111111111111:assumed-role/llm-gateway-role/user1@example.com',
      modelId: 'global.anthropic.claude-sonnet-4-6',
      user: 7,
      tokens: { input: 120, output: 30, 'cache-read': 4000 },
    })
    expect(line).not.toContain('\n')
    const parsed = invocationRecord(JSON.parse(line), DEFAULT_METADATA_KEYS)
    expect(parsed).toMatchObject({
      record: {
        requestId: '00000000-0000-4000-8000-0000000000ff',
        tsMs: Date.parse('2026-06-03T03:01:01Z'),
        principalArn: 'arn:aws:sts::111111111111:assumed-role/llm-gateway-role/user1@example.com',
        endUser: 'dev007@corp.example',
        accountId: '111111111111',
        region: 'us-east-1',
        inputTokens: 120,
        cacheReadTokens: 4000,
        cacheWriteTokens: 0,
        outputTokens: 30,
        ok: true,
      },
    })
  })

  it('lie where S3 delivers them, under the account, Region and day', () => {
    expect(logFilePath('111111111111', '2026-06-03')).toBe(
      'AWSLogs/111111111111/BedrockModelInvocationLogs/us-east-1/2026/06/03/00/20260603T000102Z_1111.json.gz',
    )
  })
})
