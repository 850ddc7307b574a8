// Turns the paths a user gave (files and/or folders) into the log files to read. Folders are walked
// recursively. In the S3 layout of Bedrock invocation logs, the `data/` folders hold request and
// response bodies (no token counts) and `amazon-bedrock-logs-permission-check` is the object Bedrock
// writes to test the bucket (`aws-logs-write-test` for a CloudWatch export task): all are skipped,
// as are a Langfuse export's manifests, scores and traces beside its observations. Hidden files are skipped; in a folder only files
// named like logs are read, while a file given by name is always tried.
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'
import { messages } from '../sources/messages.js'

const LOG_NAME = /\.(json|jsonl|ndjson|csv|parquet|gz|log|txt)$/i
/** The objects Bedrock and a CloudWatch export task write to test that they may write the bucket. */
const WRITE_TESTS = ['amazon-bedrock-logs-permission-check', 'aws-logs-write-test']

export async function findLogFiles(
  paths: string[],
): Promise<{ files: string[]; problems: CurLensError[] }> {
  const files: string[] = []
  const problems: CurLensError[] = []
  for (const input of paths) {
    const path = resolve(input)
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => e)
    if (info instanceof Error) {
      const missing = info.code === 'ENOENT' || info.code === 'ENOTDIR'
      problems.push(
        missing
          ? new CurLensError('FILE_NOT_FOUND', messages.fileNotFound(path), { file: path })
          : new CurLensError('FILE_UNREADABLE', messages.unreadable(path, info.message), {
              file: path,
              cause: info,
            }),
      )
    } else if (info.isDirectory()) {
      await walk(path, false, files)
    } else {
      files.push(path)
    }
  }
  return { files: [...new Set(files)], problems }
}

/** Beside a Langfuse export's observations, the folders that hold no usage. */
const LANGFUSE_OTHER = ['manifests', 'scores', 'traces']

async function walk(folder: string, inInvocationLogs: boolean, files: string[]) {
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  const langfuse = entries.some((e) => e.isDirectory() && /^observations(_v2)?$/.test(e.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || WRITE_TESTS.includes(entry.name)) continue
    if (langfuse && LANGFUSE_OTHER.includes(entry.name)) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (inInvocationLogs && entry.name === 'data') continue
      await walk(path, inInvocationLogs || entry.name === 'BedrockModelInvocationLogs', files)
    } else if (entry.isFile() && LOG_NAME.test(entry.name)) {
      files.push(path)
    }
  }
}
