// Figures for the CLI's tables, rounded from the engine's decimal text itself (Intl formats decimal
// strings exactly, half away from zero), never through a JS number, where 1.005 is 1.00499…; en-US
// grouping (1,234.57) so that the output is the same on every machine, and no sign on what rounds
// to zero (-0.0000000676 is 0.00, as in the app).
import type { Money } from '../core/api.js'

/** A formatter keeping `minimum` to `maximum` decimals. */
export function decimalText(minimum: number, maximum = minimum): (value: Money) => string {
  const format = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: minimum,
    maximumFractionDigits: maximum,
    signDisplay: 'negative',
  })
  return (value) => format.format(value as `${number}`)
}
