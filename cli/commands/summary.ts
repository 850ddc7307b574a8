// `cur-lens summary`: not implemented yet.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('cur-lens summary: not implemented yet\n')
  return 2
}
