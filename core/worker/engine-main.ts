// Entry point of the engine process.
import { createApi } from '../create-api.js'
import { runEngineWorker } from './engine-worker.js'

runEngineWorker((emit) => createApi({ emit }))
