// Whether a process still runs: folders a process of ours owns (work directories, cache builds)
// are removed only once their owner is gone. EPERM means it runs under another user.
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
