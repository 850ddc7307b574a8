import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openEngine, type Engine } from '../../../core/engine/duckdb.js'

let root: string
let engine: Engine

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-lockdown-'))
  await mkdir(join(root, 'chosen'))
  await mkdir(join(root, 'work'))
  await mkdir(join(root, 'chosen_evil'))
  await writeFile(join(root, 'chosen', "it's; DROP TABLE cur; --.csv"), 'a,b\n1,2\n')
  await writeFile(join(root, 'single.csv'), 'a\n7\n')
  await writeFile(join(root, 'secret.csv'), 'password\nhunter2\n')
  await writeFile(join(root, 'chosen_evil', 'x.csv'), 'a\n1\n')
  engine = await openEngine({
    readPaths: [join(root, 'single.csv')],
    readDirectories: [join(root, 'chosen')],
    workDirectory: join(root, 'work'),
  })
})

afterEach(async () => {
  await engine.close()
  await rm(root, { recursive: true, force: true })
})

const denied = (sql: string) => expect(engine.query(sql)).rejects.toThrow()

describe('the locked-down engine', () => {
  it('reads the chosen file and folder, with a quote in the path bound as a parameter', async () => {
    const inFolder = await engine.query('SELECT a, b FROM read_csv($p)', {
      p: join(root, 'chosen', "it's; DROP TABLE cur; --.csv"),
    })
    expect(inFolder).toEqual([{ a: '1', b: '2' }])
    const single = await engine.query('SELECT a FROM read_csv($p)', { p: join(root, 'single.csv') })
    expect(single).toEqual([{ a: '7' }])
  })

  it('writes only inside its private work directory', async () => {
    const out = join(root, 'work', 'ok.parquet').replaceAll("'", "''")
    await engine.query(`COPY (SELECT 1 AS x) TO '${out}' (FORMAT parquet)`)
    await denied(`COPY (SELECT 1 AS x) TO '${join(root, 'elsewhere.csv')}'`)
  })

  it('refuses every other file, including a sibling folder whose name extends the chosen one', async () => {
    await expect(
      engine.query('SELECT * FROM read_csv($p)', { p: join(root, 'secret.csv') }),
    ).rejects.toThrow(/Permission|disabled/)
    await expect(
      engine.query('SELECT * FROM read_csv($p)', { p: join(root, 'chosen_evil', 'x.csv') }),
    ).rejects.toThrow()
    await expect(
      engine.query('SELECT * FROM read_csv($p)', { p: join(root, 'chosen', '..', 'secret.csv') }),
    ).rejects.toThrow()
    await denied("SELECT * FROM read_csv('/etc/passwd')")
    await denied("SELECT * FROM read_text('/etc/hostname')")
    await denied("SELECT * FROM sniff_csv('/etc/passwd')")
  })

  it('lists nothing through glob, and refuses ATTACH, extensions and network paths', async () => {
    for (const pattern of [`${root}/*`, '/etc/*']) {
      const listed = await engine.query('SELECT * FROM glob($p)', { p: pattern }).catch(() => [])
      expect(listed).toEqual([])
    }
    await denied(`ATTACH '${join(root, 'elsewhere.duckdb')}' AS other`)
    await denied('INSTALL httpfs')
    await denied('LOAD httpfs')
    await denied("SELECT * FROM read_csv('https://example.com/x.csv')")
  })

  it('refuses to change any setting once locked', async () => {
    await denied('SET enable_external_access = true')
    await denied("SET memory_limit = '20GB'")
    await denied('RESET lock_configuration')
    await denied('SET autoinstall_known_extensions = true')
    await denied('SET autoload_known_extensions = true')
    await denied("SET allowed_directories = ['/']")
    await denied("SET temp_directory = '/tmp'")
  })

  it('has extension autoload and autoinstall switched off', async () => {
    const rows = await engine.query<{ name: string; value: string }>(
      "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', 'autoload_known_extensions', 'enable_external_access', 'lock_configuration')",
    )
    expect(Object.fromEntries(rows.map((r) => [r.name, r.value]))).toEqual({
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      enable_external_access: 'false',
      lock_configuration: 'true',
    })
  })

  it('cancels a running query within a second and stays usable', async () => {
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 200)
    await expect(
      engine.query('SELECT sum(i) FROM range(20000000000) t(i)', {}, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(Date.now() - started).toBeLessThan(1200)
    expect(await engine.query('SELECT 42 AS x')).toEqual([{ x: 42 }])
  })

  it('reports monotonic progress while scanning a file', async () => {
    const file = join(root, 'work', 'big.parquet').replaceAll("'", "''")
    await engine.query(
      `COPY (SELECT i, i % 97 AS k FROM range(30000000) t(i)) TO '${file}' (FORMAT parquet)`,
    )
    const seen: number[] = []
    await engine.query(
      'SELECT k, count(*) FROM read_parquet($f) GROUP BY k ORDER BY sum(i * i) DESC',
      { f: join(root, 'work', 'big.parquet') },
      { onProgress: (p) => seen.push(p.percentage) },
    )
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })
})
