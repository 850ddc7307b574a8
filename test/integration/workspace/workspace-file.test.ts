import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/api.js'
import {
  loadRules,
  parseRules,
  readRulesFile,
  writeRulesFile,
} from '../../../core/workspace/rules-file.js'
import { loadWorkspace, saveWorkspace } from '../../../core/workspace/workspace-file.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-workspace-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const workspace: Workspace = {
  version: 1,
  sources: ['/data/cur/export'],
  rules: {
    version: 1,
    rules: [
      { id: 'backend', recipient: 'backend', match: { kind: 'role', pattern: 'BackendDev' } },
    ],
  },
  savedViews: [
    {
      name: 'Bedrock by team',
      query: { dimensions: ['tag:iamPrincipal/team'], metric: 'unblended' },
    },
  ],
}

describe('the workspace file', () => {
  it('saves and loads the same workspace, as readable JSON, atomically', async () => {
    const path = join(dir, 'team.curlens.json')
    await saveWorkspace(path, workspace)
    expect(await loadWorkspace(path)).toEqual(workspace)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(workspace)
    expect(await readdir(dir)).toEqual(['team.curlens.json'])
  })

  it('refuses a workspace from a newer CUR Lens clearly', async () => {
    const path = join(dir, 'future.json')
    await writeFile(path, JSON.stringify({ ...workspace, version: 2 }))
    await expect(loadWorkspace(path)).rejects.toMatchObject({
      code: 'INVALID_WORKSPACE',
      file: path,
      message: expect.stringMatching(/saved by a newer CUR Lens \(workspace format version 2\)/),
    })
  })

  it('names what is wrong in a damaged workspace', async () => {
    const path = join(dir, 'bad.json')
    await writeFile(path, '{"version": 1, "sources": "x"')
    await expect(loadWorkspace(path)).rejects.toMatchObject({
      code: 'INVALID_WORKSPACE',
      message: expect.stringContaining('is not valid JSON'),
    })
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        sources: [3],
        rules: {
          version: 1,
          rules: [{ id: 'x', recipient: 'y', match: { kind: 'nope', pattern: 'z' } }],
        },
        savedViews: [{ name: 'v', query: { dimensions: [], metric: 'money' } }],
      }),
    )
    await expect(loadWorkspace(path)).rejects.toMatchObject({
      code: 'INVALID_WORKSPACE',
      message: [
        `${path} is not a valid CUR Lens workspace:`,
        '- "sources" must be a list of file or folder paths.',
        '- rules: Rule 1 ("x"): "match.kind" must be one of principal, role, person, account, tag, user, log-tag.',
        '- Saved view 1 ("v"): "query.dimensions" must list one to three dimensions.',
        '- Saved view 1 ("v"): "query.metric" must be one of unblended, net, amortized, ondemand, usage, tokens, count.',
      ].join('\n'),
    })
  })

  it('reports a missing file as FILE_NOT_FOUND', async () => {
    await expect(loadWorkspace(join(dir, 'none.json'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    })
  })
})

describe('rules files', () => {
  it('write and read back the same rules', async () => {
    const path = join(dir, 'rules.json')
    await writeRulesFile(path, workspace.rules!)
    expect(await readRulesFile(path)).toEqual(workspace.rules)
  })

  it('read a file with a BOM, as Windows editors save it', async () => {
    const path = join(dir, 'rules.json')
    await writeFile(path, `\uFEFF${JSON.stringify(workspace.rules)}`)
    expect(await readRulesFile(path)).toEqual(workspace.rules)
  })

  it('refuse invalid rules naming the file and every problem', async () => {
    const path = join(dir, 'rules.json')
    await writeFile(
      path,
      JSON.stringify({ version: 1, rules: [{ id: 'a', recipient: 'b', match: { kind: 'role' } }] }),
    )
    await expect(readRulesFile(path)).rejects.toMatchObject({
      code: 'INVALID_RULES',
      file: path,
      message: `The rules in ${path} are not valid:\n- Rule 1 ("a"): "match.pattern" must be a non-empty text (* is a wildcard).`,
    })
    await expect(writeRulesFile(path, { version: 1, rules: [{}] } as never)).rejects.toMatchObject({
      code: 'INVALID_RULES',
    })
  })

  it('load from a rules file or a workspace, saying which sources a workspace was saved for', async () => {
    const rulesPath = join(dir, 'rules.json')
    await writeRulesFile(rulesPath, workspace.rules!)
    expect(await loadRules(rulesPath)).toEqual({ rules: workspace.rules, savedFor: null })
    const workspacePath = join(dir, 'chargeback.curlens.json')
    await saveWorkspace(workspacePath, workspace)
    expect(await loadRules(workspacePath)).toEqual({
      rules: workspace.rules,
      savedFor: workspace.sources,
    })
    await writeFile(workspacePath, JSON.stringify({ version: 1, sources: 'not a list' }))
    await expect(loadRules(workspacePath)).rejects.toMatchObject({
      code: 'INVALID_WORKSPACE',
      file: workspacePath,
    })
  })

  it('reads the text of an uploaded rules file or workspace, naming the file in its errors', async () => {
    const text = `\uFEFF${JSON.stringify(workspace.rules)}`
    expect(await parseRules(text, 'rules.json')).toEqual({ rules: workspace.rules, savedFor: null })
    expect(await parseRules(JSON.stringify(workspace), 'team.curlens.json')).toEqual({
      rules: workspace.rules,
      savedFor: workspace.sources,
    })
    await expect(parseRules('{"version": 1,', 'broken.json')).rejects.toMatchObject({
      code: 'INVALID_RULES',
      file: 'broken.json',
      message: expect.stringMatching(/^broken\.json is not valid JSON/),
    })
    await expect(parseRules('{"version": 2, "rules": []}', 'old.json')).rejects.toMatchObject({
      code: 'INVALID_RULES',
      message: expect.stringContaining('The rules in old.json are not valid'),
    })
  })
})
