import { BASES } from '../../../core/api-values.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  UsageError,
  parseArguments,
  parseBasis,
  parseDateRange,
  parseDimensions,
  parseFilters,
  parsePeriod,
  runCommand,
} from '../../../cli/arguments.js'

const EXAMPLE = {
  name: 'example',
  usage: 'Usage: cur-lens example <path...>\n',
  options: {
    by: { type: 'string' },
    format: { type: 'string', default: 'table' },
    filter: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
} as const

afterEach(() => {
  vi.restoreAllMocks()
})

function captured() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => out.push(String(text)) > 0)
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => err.push(String(text)) > 0)
  return { out, err }
}

describe('command-line arguments', () => {
  it('reads declared options, with defaults, empty repeatable options and false booleans', () => {
    expect(parseArguments(EXAMPLE, ['a', '--by', 'role', 'b'])).toEqual({
      values: { by: 'role', format: 'table', filter: [], json: false },
      positionals: ['a', 'b'],
      help: false,
    })
    expect(parseArguments(EXAMPLE, ['--filter=x=1', '--filter', 'y=2', '--json', '-h'])).toEqual({
      values: { by: undefined, format: 'table', filter: ['x=1', 'y=2'], json: true },
      positionals: [],
      help: true,
    })
  })

  it('turns every kind of bad input into a usage error', () => {
    expect(() => parseArguments(EXAMPLE, ['--colour', 'red'])).toThrow(
      new UsageError('Unknown option --colour.'),
    )
    expect(() => parseArguments(EXAMPLE, ['-x'])).toThrow(new UsageError('Unknown option -x.'))
    expect(() => parseArguments(EXAMPLE, ['--by'])).toThrow(UsageError)
    expect(() => parseArguments(EXAMPLE, ['--by'])).toThrow(/--by/)
    expect(() => parseArguments(EXAMPLE, ['--json=yes'])).toThrow(/--json/)
  })

  it('reads every name of the empty group as null in filters', () => {
    expect(
      parseFilters([
        'tag:team=(none)',
        'tag:team=(untagged)',
        'principal!=(no principal)',
        'model=(unknown)',
        'model=(other)',
      ]),
    ).toEqual([
      { dimension: 'tag:team', values: [null, null] },
      { dimension: 'principal', values: [null], exclude: true },
      { dimension: 'model', values: [null, '(other)'] },
    ])
  })

  it('reads --from and --to as one inclusive date-range filter on the usage day', () => {
    expect(parseDateRange({})).toEqual([])
    expect(parseDateRange({ from: '2026-12-28', to: '2027-01-03' })).toEqual([
      { dimension: 'day', values: [], range: { from: '2026-12-28', to: '2027-01-03' } },
    ])
    expect(parseDateRange({ to: '2027-01-03' })).toEqual([
      { dimension: 'day', values: [], range: { to: '2027-01-03' } },
    ])
    expect(parseDateRange({ from: '2027-01-03', to: '2027-01-03' })).toHaveLength(1)
    expect(() => parseDateRange({ from: '2027-13-01' })).toThrow(
      new UsageError('--from takes a day written YYYY-MM-DD, not "2027-13-01".'),
    )
    expect(() => parseDateRange({ to: '03/01/2027' })).toThrow(UsageError)
    expect(() => parseDateRange({ from: '2027-01-04', to: '2027-01-03' })).toThrow(
      new UsageError('--from 2027-01-04 is after --to 2027-01-03.'),
    )
  })

  it('reads dimensions, bases and periods alike for every command', () => {
    expect(parseDimensions(' model , token-type,')).toEqual(['model', 'token-type'])
    expect(() => parseDimensions(' , ')).toThrow(UsageError)
    expect(parseBasis('amortized', BASES)).toBe('amortized')
    expect(parseBasis('net', BASES)).toBe('net')
    expect(() => parseBasis('ondemand', BASES)).toThrow(
      new UsageError('--basis is one of unblended, net, amortized.'),
    )
    expect(parsePeriod('2026-07')).toBe('2026-07')
    expect(parsePeriod('all')).toBeUndefined()
    expect(parsePeriod(undefined)).toBeUndefined()
    expect(() => parsePeriod('2026-7')).toThrow(
      new UsageError('--period is YYYY-MM or all, not "2026-7".'),
    )
  })

  it('prints the usage on stdout for --help, exit 0, without running the command', async () => {
    const { out, err } = captured()
    const execute = vi.fn(async () => 0)
    expect(await runCommand(EXAMPLE, ['--help'], () => 'read', execute)).toBe(0)
    expect(out.join('')).toBe(EXAMPLE.usage)
    expect(err).toEqual([])
    expect(execute).not.toHaveBeenCalled()
  })

  it('answers a usage error with the command, the message and the usage on stderr, exit 2', async () => {
    const { out, err } = captured()
    const execute = vi.fn(async () => 0)
    const refuse = () => {
      throw new UsageError('Name the CUR files or folders to read.')
    }
    expect(await runCommand(EXAMPLE, [], refuse, execute)).toBe(2)
    expect(await runCommand(EXAMPLE, ['--nope'], () => 'read', execute)).toBe(2)
    expect(err.join('')).toBe(
      `cur-lens example: Name the CUR files or folders to read.\n\n${EXAMPLE.usage}` +
        `cur-lens example: Unknown option --nope.\n\n${EXAMPLE.usage}`,
    )
    expect(out).toEqual([])
    expect(execute).not.toHaveBeenCalled()
  })

  it('runs the command with what the arguments read as', async () => {
    captured()
    const execute = vi.fn(async (options: { by?: string }) => (options.by === 'role' ? 0 : 1))
    expect(await runCommand(EXAMPLE, ['--by', 'role'], (a) => a.values, execute)).toBe(0)
  })
})
