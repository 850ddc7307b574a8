import { describe, expect, it } from 'vitest'
import {
  BadValue,
  arnAccount,
  costText,
  tokenCount,
  utcMillis,
} from '../../../core/usage-logs/usage-record.js'

const iso = (ms: number) => new Date(ms).toISOString()

describe('a logged time', () => {
  it.each([
    ['2026-06-01T23:59:59Z', '2026-06-01T23:59:59.000Z'],
    ['2026-06-01T01:30:00+02:00', '2026-05-31T23:30:00.000Z'],
    ['2026-06-01T01:30:00-0500', '2026-06-01T06:30:00.000Z'],
    ['2026-06-01 23:59:59.123456', '2026-06-01T23:59:59.123Z'],
    ['2026-06-01 00:00:00', '2026-06-01T00:00:00.000Z'],
  ])('reads %s as %s (UTC when it has no zone)', (text, expected) => {
    expect(iso(utcMillis(text))).toBe(expected)
  })

  it.each(['yesterday', '2026-13-45T00:00:00Z', '0000-01-01T00:00:00Z', '', 1780358399])(
    'rejects %s',
    (value) => {
      expect(() => utcMillis(value)).toThrow(BadValue)
    },
  )
})

describe('a token count', () => {
  it('reads whole numbers, as numbers or text, and an absent count as 0', () => {
    expect([tokenCount(12, 'n'), tokenCount(' 40 ', 'n'), tokenCount(undefined, 'n')]).toEqual([
      12, 40, 0,
    ])
  })

  it.each([-1, 1.5, 'ten', '1e3', {}])('rejects %s, naming the field', (value) => {
    expect(() => tokenCount(value, 'inputTokenCount')).toThrow(/inputTokenCount/)
  })
})

describe('a cost estimate', () => {
  it('keeps decimal text as written and writes numbers with 10 decimals', () => {
    expect(costText('0.0158')).toBe('0.0158')
    expect(costText(1.2e-5)).toBe('0.0000120000')
    expect(costText('3.5e-4')).toBe('0.0003500000')
    expect(costText('')).toBeNull()
  })

  it('rejects text that is not a number, and amounts no call costs', () => {
    expect(() => costText('$1.20')).toThrow(BadValue)
    expect(() => costText(1e21)).toThrow(BadValue)
  })
})

describe('the account of an ARN', () => {
  it.each([
    ['arn:aws:sts::444455556666:assumed-role/gw/s', '444455556666'],
    ['arn:aws-us-gov:iam::111122223333:user/alice', '111122223333'],
    ['not an arn', null],
    [null, null],
  ])('of %s is %s', (arn, account) => {
    expect(arnAccount(arn)).toBe(account)
  })
})
