// After a partial load: which files were skipped or found missing, and why, while the rest is shown.
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { FileProblem } from '../../../../core/api.js'
import { describeError, fileName } from '../../model/errors.js'

export function ProblemsBanner(props: { problems: FileProblem[]; onClose(): void }) {
  const { problems } = props
  return (
    <Alert
      severity="warning"
      variant="outlined"
      onClose={props.onClose}
      data-testid="error-message"
      sx={{ mb: 3 }}
    >
      <AlertTitle>
        {problems.length === 1
          ? 'One problem with the files opened'
          : `${problems.length} problems with the files opened`}
        {'; everything else is loaded and shown below.'}
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="open-problems">
        {problems.map((problem) => {
          const info = describeError(problem)
          return (
            <li key={problem.file + problem.code}>
              <Typography
                variant="body2"
                component="span"
                sx={{ fontWeight: 600 }}
                title={problem.file}
              >
                {fileName(problem.file)}
              </Typography>
              <Typography variant="body2" component="span">
                {': '}
                {info.title}. {problem.message} {info.hint}
              </Typography>
            </li>
          )
        })}
      </Box>
    </Alert>
  )
}
