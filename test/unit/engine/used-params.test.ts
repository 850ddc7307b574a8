import { describe, expect, it } from 'vitest'
import { usedParams } from '../../../core/engine/duckdb.js'

describe('used parameters', () => {
  it('keeps the values a statement names, whole names only', () => {
    const params = { tag_1: 'team', tag_10: 'env', far_sums_2: '/work/a b.parquet', limit: 5 }
    expect(usedParams('SELECT * FROM read_parquet($far_sums_2) WHERE t = $tag_10', params)).toEqual(
      { tag_10: 'env', far_sums_2: '/work/a b.parquet' },
    )
    expect(usedParams('SELECT 1', params)).toEqual({})
  })
})
