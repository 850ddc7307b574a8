// The CUR Lens mark: a lens over bars, drawn inline so no image has to load.
import Box from '@mui/material/Box'

export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <Box
      component="svg"
      viewBox="0 0 32 32"
      aria-hidden="true"
      sx={{ width: size, height: size, flexShrink: 0, display: 'block' }}
    >
      <rect width="32" height="32" rx="8" fill="#2f5bd3" />
      <rect x="7" y="15" width="3.5" height="9" rx="1" fill="#ffffff" opacity="0.75" />
      <rect x="12.5" y="10" width="3.5" height="14" rx="1" fill="#ffffff" opacity="0.9" />
      <rect x="18" y="13" width="3.5" height="11" rx="1" fill="#ffffff" opacity="0.75" />
      <circle cx="21" cy="12" r="5.2" fill="none" stroke="#7fe0d6" strokeWidth="2.2" />
      <line
        x1="24.6"
        y1="15.6"
        x2="27"
        y2="18"
        stroke="#7fe0d6"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </Box>
  )
}
