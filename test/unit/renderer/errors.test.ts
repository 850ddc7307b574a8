import { describe, expect, it } from 'vitest'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import { describeError, fileName, isCancelled } from '../../../renderer/src/model/errors.js'

describe('readable errors', () => {
  it('keeps the engine message and file, and adds a title and a next step by code', () => {
    const info = describeError(
      new CurLensError('FILE_TRUNCATED', 'Unexpected end of gzip data after 84 rows.', {
        file: '/data/cur/part-2.csv.gz',
      }),
    )
    expect(info).toEqual({
      code: 'FILE_TRUNCATED',
      title: 'File is incomplete',
      message: 'Unexpected end of gzip data after 84 rows.',
      file: '/data/cur/part-2.csv.gz',
      hint: 'The download was cut short. Download this part again from S3.',
    })
  })

  it('reads file problems from an open result the same way', () => {
    const info = describeError({
      file: 'a.parquet',
      code: 'NOT_A_CUR_FILE',
      message: 'No cost columns.',
    })
    expect(info.title).toBe('Not a Cost and Usage Report')
    expect(info.file).toBe('a.parquet')
  })

  it('still says something useful for unknown codes and plain errors', () => {
    expect(describeError({ code: 'SOMETHING_NEW', message: 'x' }).code).toBe('UNKNOWN')
    expect(describeError(new Error('socket hang up')).message).toBe('socket hang up')
    expect(describeError('text').message).toBe('text')
  })

  it('recognizes a cancelled job', () => {
    expect(isCancelled(new CurLensError('CANCELLED', 'Cancelled'))).toBe(true)
    expect(isCancelled(new Error('Cancelled'))).toBe(false)
  })

  it('names a file by its last path segment on any platform', () => {
    expect(fileName('/a/b/c.parquet')).toBe('c.parquet')
    expect(fileName('C:\\cur\\export\\')).toBe('export')
  })
})
