import { describe, expect, it } from 'vitest'
import { progressLine } from '../../../cli/progress-line.js'
import type { ProgressEvent } from '../../../core/api.js'

function terminal(isTTY: boolean) {
  const written: string[] = []
  return { isTTY, columns: 100, write: (text: string) => written.push(text), written }
}

const event = (
  phase: ProgressEvent['phase'],
  percentage: number,
  file?: string,
): ProgressEvent => ({
  jobId: 'job',
  phase,
  percentage,
  ...(file ? { file } : {}),
})

describe('the progress line', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const stream = terminal(false)
    const line = progressLine(stream)
    line.show(event('reading', -1))
    line.clear()
    expect(stream.written).toEqual([])
  })

  it('rewrites one line in place: phase, how far, time left, then the file', () => {
    const stream = terminal(true)
    let now = 0
    const line = progressLine(stream, () => now)
    line.show(event('reading', -1))
    now = 1000
    line.show(event('converting', 0, '/data/part-1.csv.gz'))
    now = 5000
    line.show(event('converting', 40, '/data/part-1.csv.gz'))
    line.clear()
    expect(stream.written).toEqual([
      '\r\x1b[KReading files',
      '\r\x1b[KConverting to the common layout · 0% · part-1.csv.gz',
      '\r\x1b[KConverting to the common layout · 40% · about 5 s left · part-1.csv.gz',
      '\r\x1b[K',
    ])
  })

  it('rewrites at most every 100 ms, but always shows a phase change and the end', () => {
    const stream = terminal(true)
    let now = 0
    const line = progressLine(stream, () => now)
    line.show(event('converting', 10))
    now = 50
    line.show(event('converting', 20))
    line.show(event('converting', 100))
    line.show(event('indexing', -1))
    expect(stream.written.map((t) => t.slice(4))).toEqual([
      'Converting to the common layout · 10%',
      'Converting to the common layout · 100%',
      'Preparing totals',
    ])
  })
})
