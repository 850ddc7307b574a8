// JSON for scripts, written by every command that prints JSON. Amounts arrive as the engine's decimal
// strings and are written as plain number tokens, digit for digit (trailing zeros trimmed): a JS
// number would lose digits past 15 or 16, and JSON.stringify prints small ones in exponent notation
// (`-6.76e-8`). Other numbers (counts, ratios) are written in plain notation too.
import type { Money } from '../core/api.js'

/** A decimal string to be written as a JSON number token. */
export class JsonDecimal {
  constructor(readonly digits: string) {}
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonDecimal
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined }

const DECIMAL = /^-?\d+(\.\d+)?$/

/** "-0.0000000676" → -0.0000000676, "142.3000000000" → 142.3, "0.0000000000" → 0. */
export function jsonDecimal(value: Money): JsonDecimal {
  if (!DECIMAL.test(value)) throw new Error(`Not a decimal amount: "${value}"`)
  const trimmed = value.includes('.') ? value.replace(/\.?0+$/, '') : value
  return new JsonDecimal(trimmed === '-0' ? '0' : trimmed)
}

/** Like `JSON.stringify(value, null, indent)`, compact when indent is 0; undefined members are left out. */
export function formatJson(value: JsonValue, indent = 2): string {
  return write(value, ' '.repeat(indent), '')
}

function write(value: JsonValue, step: string, at: string): string {
  if (value instanceof JsonDecimal) return value.digits
  if (typeof value === 'number') return plainNumber(value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const newline = step ? '\n' : ''
  const inner = at + step
  const items: string[] = Array.isArray(value)
    ? value.map((v: JsonValue) => write(v, step, inner))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${step ? ' ' : ''}${write(v!, step, inner)}`)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (items.length === 0) return open + close
  return `${open}${newline}${items.map((i) => inner + i).join(`,${newline}`)}${newline}${at}${close}`
}

/** The shortest digits that read back as `n`, without an exponent: 1e-7 → 0.0000001. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${n}`)
  const text = String(n)
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!m) return text
  const [, sign, first, rest = '', exponent] = m
  const digits = first + rest
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}
