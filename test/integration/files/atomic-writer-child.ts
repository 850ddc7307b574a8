// Child process for the crash test: replaces the target over and over with two large contents, A
// and B, until it is killed. Prints "ready" once its first write is under way.
import { writeFileAtomic } from '../../../core/files/atomic-write.js'

const [target, a, b] = process.argv.slice(2)
const { readFile } = await import('node:fs/promises')
const contents = [await readFile(b), await readFile(a)]
process.stdout.write('ready\n')
for (let i = 0; ; i++) await writeFileAtomic(target, contents[i % 2])
