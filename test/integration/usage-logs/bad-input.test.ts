// Damaged and foreign log input, each made here: a clear problem naming the file (and the line,
// where one line is at fault), while every other record and file still loads.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../../core/sources/limits.js'
import { loadUsageLogs, type UsageLogOptions } from '../../../core/usage-logs/index.js'
import { DEFAULT_METADATA_KEYS } from '../../../core/usage-logs/invocation-log.js'
import { readLogFile } from '../../../core/usage-logs/read-log-file.js'
import { openLogEngine, type LogEngine } from './log-engine.js'

const ACCOUNT = '444455556666'

function record(requestId: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    timestamp: '2026-06-02T10:00:00Z',
    accountId: ACCOUNT,
    region: 'us-east-1',
    requestId,
    operation: 'Converse',
    modelId: 'amazon.nova-pro-v1:0',
    identity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/gw/s` },
    input: { inputTokenCount: 100, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 },
    output: { outputTokenCount: 10 },
    ...extra,
  })
}

const lines = (...items: string[]) => `${items.join('\n')}\n`

let dir: string
let open: LogEngine | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-bad-logs-'))
})

afterEach(async () => {
  await open?.close()
  open = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function load(paths: string[], options: Partial<UsageLogOptions> = {}) {
  open = await openLogEngine()
  const result = await loadUsageLogs(open.engine, paths, {
    workDirectory: open.workDirectory,
    accountIds: [ACCOUNT],
    ...options,
  })
  const ids = await open.engine.query<{ request_id: string }>(
    'SELECT request_id FROM usage_log ORDER BY request_id',
  )
  return { ...result, ids: ids.map((r) => r.request_id) }
}

describe('bad usage-log input', () => {
  it('keeps the records before a truncated gzip cut and names the file and the last line read', async () => {
    const all = Array.from({ length: 400 }, (_, i) => record(`r${String(i).padStart(3, '0')}`))
    const gz = gzipSync(lines(...all))
    const path = await file('cut.json.gz', gz.subarray(0, Math.floor(gz.length * 0.6)))
    const good = await file('good.json.gz', gzipSync(lines(record('g1'))))
    const result = await load([path, good])
    expect(result.problems).toHaveLength(1)
    const [problem] = result.problems
    expect(problem.code).toBe('FILE_TRUNCATED')
    expect(problem.file).toBe(path)
    const read = Number(/after line (\d+)/.exec(problem.message)?.[1])
    expect(read).toBeGreaterThan(0)
    expect(read).toBeLessThan(400)
    expect(result.ids).toContain('g1')
    // The last line before the cut may itself be cut short: it is then a line that is not JSON.
    expect(result.ids.filter((id) => id.startsWith('r')).length).toBeGreaterThanOrEqual(read - 1)
  })

  it('names the line that is not JSON and loads the lines around it', async () => {
    const path = await file(
      'garbled.json',
      lines(record('a'), '{"requestId": "b", oops', record('c')),
    )
    const result = await load([path])
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({ code: 'LOG_LINES_UNREADABLE', file: path })
    expect(result.problems[0].message).toContain(`${path} line 2: the line is not JSON`)
    expect(result.sources[0].skipped.unreadable).toBe(1)
  })

  it('skips a line longer than the cap without holding it, and reads the next one', async () => {
    const huge = record('huge', { input: { inputTokenCount: 1, body: 'x'.repeat(50_000) } })
    const path = await file('huge.json', lines(record('a'), huge, record('c')))
    const result = await load([path], { limits: { maxLineBytes: 4096 } })
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.problems.map((p) => p.message)).toEqual([
      `${path} line 2: the line is longer than 4,096 bytes; this record was not loaded.`,
    ])
  })

  it('calls JSON lines of another schema not a usage log, and loads the other files', async () => {
    const path = await file('other.jsonl', lines('{"eventVersion":"1.08","eventName":"Invoke"}'))
    const good = await file('good.json', lines(record('g1')))
    const result = await load([path, good])
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['NOT_A_USAGE_LOG', path]])
    expect(result.problems[0].message).toContain(path)
    expect(result.ids).toEqual(['g1'])
    expect(result.sources.map((s) => s.path)).toEqual([good])
  })

  it('leaves out records of an account the cost export does not hold, saying which', async () => {
    const path = await file(
      'mixed.json',
      lines(record('a'), record('b', { accountId: '999988887777' }), record('c')),
    )
    const result = await load([path])
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({ code: 'OTHER_ACCOUNT', file: path })
    expect(result.problems[0].message).toContain('1 record of account 999988887777')
  })

  it("gives each record its account, and a record naming none the export's only account", async () => {
    const csv = lines(
      'time,request_id,model,input_tokens,output_tokens,principal_arn',
      '2026-06-02 10:00:00,n1,amazon.nova-pro-v1:0,10,1,',
      `2026-06-02 10:00:00,p1,amazon.nova-pro-v1:0,10,1,arn:aws:sts::${ACCOUNT}:assumed-role/a/b`,
    )
    const path = await file('accounts.csv', csv)
    const result = await load([path, await file('mil.json', lines(record('m1')))])
    expect(result.problems).toEqual([])
    const rows = await open!.engine.query<{ request_id: string; account_id: string | null }>(
      'SELECT request_id, account_id FROM usage_log ORDER BY request_id',
    )
    expect(rows).toEqual([
      { request_id: 'm1', account_id: ACCOUNT },
      { request_id: 'n1', account_id: ACCOUNT },
      { request_id: 'p1', account_id: ACCOUNT },
    ])
  })

  it('lists the records that name no account when the export has several accounts', async () => {
    const csv = lines(
      'time,request_id,model,input_tokens,output_tokens',
      '2026-06-02 10:00:00,n1,amazon.nova-pro-v1:0,10,1',
      '2026-06-02 11:00:00,n2,amazon.nova-pro-v1:0,10,1',
    )
    const path = await file('no-account.csv', csv)
    const result = await load([path], { accountIds: [ACCOUNT, '111122223333'] })
    expect(result.ids).toEqual(['n1', 'n2'])
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['NO_ACCOUNT', path]])
    expect(result.problems[0].message).toContain('2 records that name no AWS account')
    const rows = await open!.engine.query<{ n: string }>(
      'SELECT count(*) AS n FROM usage_log WHERE account_id IS NULL',
    )
    expect(Number(rows[0].n)).toBe(2)
  })

  it('drops failed calls and repeated request ids, counting both', async () => {
    const path = await file(
      'failed.json',
      lines(record('a'), record('b', { errorCode: 'ValidationException' }), record('a')),
    )
    const result = await load([path])
    expect(result.ids).toEqual(['a'])
    expect(result.problems).toEqual([])
    expect(result.sources[0]).toMatchObject({
      records: 1,
      skipped: { failed: 1, duplicates: 1, otherAccount: 0, unreadable: 0 },
    })
  })

  it('names the CSV line whose token count is not a number', async () => {
    const path = await file(
      'usage.csv',
      'time,request_id,model,input_tokens,output_tokens\n' +
        '2026-06-02T10:00:00Z,a,amazon.nova-pro-v1:0,10,1\n' +
        '2026-06-02T10:00:01Z,b,amazon.nova-pro-v1:0,ten,1\n' +
        '2026-06-02 10:00:02,c,amazon.nova-pro-v1:0,30,3\n',
    )
    const result = await load([path])
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.problems.map((p) => p.message)).toEqual([
      `${path} line 3: input_tokens "ten" is not a token count; this record was not loaded.`,
    ])
  })

  it('reports a missing path and an empty file, and loads the rest', async () => {
    const empty = await file('empty.json', '')
    const missing = join(dir, 'nowhere.json.gz')
    const good = await file('good2.json', lines(record('g1')))
    const result = await load([missing, empty, good])
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([
      ['FILE_NOT_FOUND', missing],
      ['FILE_EMPTY', empty],
    ])
    expect(result.ids).toEqual(['g1'])
  })

  it('names the CloudWatch event whose message is not a record', async () => {
    const events = [record('a'), 'START RequestId: 1', record('c')].map((message, i) => ({
      timestamp: 1780358400000 + i,
      message,
      logStreamName: 'aws/bedrock/modelinvocations',
    }))
    const path = await file('events.json', JSON.stringify({ events }, null, 2))
    const result = await load([path])
    expect(result.ids).toEqual(['a', 'c'])
    expect(result.problems.map((p) => p.message)).toEqual([
      `${path} record 2: the event's message is not JSON; this record was not loaded.`,
    ])
  })

  it('names a damaged Parquet file and loads the rest', async () => {
    const path = await file('observations.parquet', Buffer.from('PAR1 this is not really parquet'))
    const good = await file('good3.json', lines(record('g1')))
    const result = await load([path, good])
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['FILE_CORRUPT', path]])
    expect(result.problems[0].message).toContain(path)
    expect(result.ids).toEqual(['g1'])
  })

  it('does not copy a Parquet file above the size limit: a problem naming it, and the rest loads', async () => {
    const content = Buffer.from('PAR1 this is not really parquet')
    const path = await file('big-observations.parquet', content)
    const good = await file('good4.json', lines(record('g1')))
    const result = await load([path, good], {
      limits: { maxDecompressedBytes: content.length - 1 },
    })
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['FILE_TOO_LARGE', path]])
    expect(result.problems[0].message).toContain(`${path} is a Parquet file of 31 bytes`)
    expect(result.ids).toEqual(['g1'])
  })

  it('turns a read error into a problem naming the file', async () => {
    // A folder read as a file fails with EISDIR: a read error, as a permission error would be.
    const read = await readLogFile(dir, {
      limits: DEFAULT_LIMITS,
      maxLineBytes: 1024,
      maxDocumentBytes: 1024,
      metadataKeys: DEFAULT_METADATA_KEYS,
      gateway: { principalArn: null },
      emit: () => Promise.resolve(),
    })
    expect(read.problems.map((p) => [p.code, p.file])).toEqual([['FILE_UNREADABLE', dir]])
  })

  it("says LiteLLM's daily usage export holds totals, not calls", async () => {
    const path = await file(
      'litellm-usage.csv',
      'Date,User,User ID,Spend ($),Requests,Successful Requests,Failed Requests,Total Tokens,Prompt Tokens,Completion Tokens\n' +
        '2026-06-01,alice,u-1,"1,234.5600",120,119,1,50000,40000,10000\n',
    )
    const result = await load([path])
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['NOT_A_USAGE_LOG', path]])
    expect(result.problems[0].message).toContain('daily totals')
  })

  it('loads values holding broken UTF-16 or NUL with the broken part replaced', async () => {
    const line = record('a\ud800', { requestMetadata: { 'k\udfff': 'x\u0000y' } })
    const path = await file('hostile.json', lines(line))
    const result = await load([path])
    expect(result.problems).toEqual([])
    expect(result.ids).toEqual(['a\uFFFD'])
    const [row] = await open!.engine.query<{ tags: { key: string; value: string }[] }>(
      'SELECT tags FROM usage_log',
    )
    expect(row.tags).toEqual([{ key: 'k\uFFFD', value: 'x\u0000y' }])
  })

  it('builds an empty usage_log when nothing loads', async () => {
    const path = await file('nothing.csv', 'a,b\n1,2\n')
    const result = await load([path])
    expect(result.sources).toEqual([])
    expect(result.problems.map((p) => p.code)).toEqual(['NOT_A_USAGE_LOG'])
    expect(result.ids).toEqual([])
  })
})
