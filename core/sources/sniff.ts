// Tells a file's container from its first and last bytes, not its name: Parquet (PAR1 … PAR1), gzip
// (1f 8b), zip (PK) or text. Athena writes Parquet parts with no extension at all. A name that
// promises a container the bytes do not have (.parquet, .gz, .zip) means a damaged file.
import { open } from 'node:fs/promises'
import { CurLensError } from '../errors/curlens-error.js'
import { messages } from './messages.js'

export type Container = 'parquet' | 'gzip' | 'zip' | 'text'

const PARQUET_MAGIC = 'PAR1'

export async function sniffContainer(path: string, bytes: number): Promise<Container> {
  if (bytes === 0) throw new CurLensError('FILE_EMPTY', messages.fileEmpty(path), { file: path })
  const { head, tail } = await readEnds(path, bytes)
  if (head.subarray(0, 4).toString('latin1') === PARQUET_MAGIC) {
    if (bytes < 12 || tail.toString('latin1') !== PARQUET_MAGIC) {
      throw new CurLensError('FILE_CORRUPT', messages.parquetCorrupt(path, 'the file ends early'), {
        file: path,
      })
    }
    return 'parquet'
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip'
  const name = path.toLowerCase()
  if (name.endsWith('.parquet')) {
    throw new CurLensError('FILE_CORRUPT', messages.notParquet(path), { file: path })
  }
  if (name.endsWith('.gz')) {
    throw new CurLensError('FILE_CORRUPT', messages.notGzip(path), { file: path })
  }
  if (name.endsWith('.zip')) {
    throw new CurLensError('FILE_CORRUPT', messages.zipCorrupt(path, 'no zip signature'), {
      file: path,
    })
  }
  return 'text'
}

async function readEnds(path: string, bytes: number) {
  const handle = await open(path, 'r').catch((e: Error) => {
    throw new CurLensError('FILE_UNREADABLE', messages.unreadable(path, e.message), {
      file: path,
      cause: e,
    })
  })
  try {
    const head = Buffer.alloc(Math.min(4, bytes))
    await handle.read(head, 0, head.length, 0)
    const tail = Buffer.alloc(Math.min(4, bytes))
    await handle.read(tail, 0, tail.length, bytes - tail.length)
    return { head, tail }
  } finally {
    await handle.close()
  }
}
