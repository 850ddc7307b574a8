// Every command answers bad arguments the same way: `cur-lens <command>: <message>`, a blank line and
// its usage on stderr, exit 2; and --help with the usage on stdout, exit 0. The real CLI, spawned;
// none of these gets as far as opening an export.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('cur-lens arguments', () => {
  it.each([
    [['tokens', DEMO, '--colour'], 'tokens', 'Unknown option --colour.'],
    [['tokens', DEMO, '--format', 'csv'], 'tokens', '--format is one of table, json.'],
    [['summary', DEMO, '--bogus'], 'summary', 'Unknown option --bogus.'],
    [['serve', '--host', '0.0.0.0'], 'serve', 'Unknown option --host.'],
    [['rules', 'chek', DEMO, '--rules', 'r.json'], 'rules', 'Unknown subcommand "chek".'],
    [
      ['export', DEMO, '--by', 'account', '--out', 'x', '--period', '2026-7'],
      'export',
      '--period is YYYY-MM or all, not "2026-7".',
    ],
    [['report', '--by', 'service'], 'report', 'Name the CUR files or folders to read.'],
    [['tags', DEMO, '--format', 'csv'], 'tags', '--format is one of table, json.'],
  ])('refuses %j with the usage, exit 2', async (args, command, message) => {
    const { code, stdout, stderr } = await cli(...args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(new RegExp(`^cur-lens ${command}: .*\\n\\nUsage: cur-lens ${command} `))
    expect(stderr.split('\n')[0]).toBe(`cur-lens ${command}: ${message}`)
  })

  it.each(['rules check', 'serve', 'tags', 'export', 'summary'])(
    'prints the usage of %s on stdout for --help, exit 0',
    async (command) => {
      const { code, stdout, stderr } = await cli(...command.split(' '), '--help')
      expect(code).toBe(0)
      expect(stdout).toMatch(new RegExp(`^Usage: cur-lens ${command} `))
      expect(stderr).toBe('')
    },
  )

  it('names an unknown command, and lists the commands', async () => {
    const unknown = await cli('reprot')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(
      /^cur-lens: Unknown command "reprot"\.\n\nUsage: cur-lens <command>/,
    )
    expect(unknown.stderr).toContain('  report <path...>')
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('  report <path...>')
    expect(help.stdout).toContain('  tags <path...>')
  })
})
