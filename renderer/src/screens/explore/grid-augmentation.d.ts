// Lets grid rows carry the data-testid the end-to-end tests look for.
import '@mui/x-data-grid'

declare module '@mui/x-data-grid' {
  interface RowPropsOverrides {
    'data-testid'?: string
  }
}
