// Files or folders dropped anywhere on the window are opened. Only the desktop shell can tell a
// dropped file's path; in web mode the drop explains to use the path field instead.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import Box from '@mui/material/Box'
import Snackbar from '@mui/material/Snackbar'
import Typography from '@mui/material/Typography'
import { useRef, useState, type DragEvent, type ReactNode } from 'react'
import { usePathForFile } from '../api/ApiProvider.js'
import { useSession } from '../state/SessionProvider.js'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

export function DropTarget({ children }: { children: ReactNode }) {
  const pathForFile = usePathForFile()
  const { state, actions } = useSession()
  const [over, setOver] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const depth = useRef(0)
  const accepting = state.phase !== 'loading'

  const onDragEnter = (event: DragEvent) => {
    if (!accepting || !carriesFiles(event)) return
    depth.current += 1
    setOver(true)
  }
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setOver(false)
  }
  const onDragOver = (event: DragEvent) => {
    if (!accepting || !carriesFiles(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth.current = 0
    setOver(false)
    if (!accepting) return
    if (!pathForFile) {
      setNotice(
        'In the browser, type the path of the export folder or file in the Open field instead.',
      )
      actions.showStart()
      return
    }
    const paths = Array.from(event.dataTransfer.files)
      .map((file) => pathForFile(file))
      .filter((path) => path.length > 0)
    if (paths.length > 0) actions.openPaths(paths)
  }

  return (
    <Box
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <Box
          aria-hidden="true"
          sx={{
            position: 'fixed',
            inset: 12,
            zIndex: (t) => t.zIndex.modal + 1,
            border: 2,
            borderStyle: 'dashed',
            borderColor: 'primary.main',
            borderRadius: 4,
            bgcolor: 'background.paper',
            opacity: 0.94,
            display: 'grid',
            placeItems: 'center',
            pointerEvents: 'none',
          }}
        >
          <Box sx={{ textAlign: 'center', color: 'primary.main' }}>
            <FileDownloadOutlined sx={{ fontSize: 48 }} />
            <Typography variant="h6">Drop to open these files</Typography>
          </Box>
        </Box>
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={8000}
        onClose={() => setNotice(null)}
        message={notice}
      />
    </Box>
  )
}
