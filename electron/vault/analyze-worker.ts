/**
 * Worker thread: reads and analyses a share of the vault's files, so that
 * parsing 15 MB of front-matter uses every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync, statSync } from 'node:fs';
import { analyzeFile, type FileAnalysis, type FileInput } from '../../shared/validation/analyze-file';
import type { PatternSchema } from '../../shared/schema/schema';
import { decodeFile, toFsPath } from './vault-files';

export interface AnalyzeJob {
  root: string;
  paths: string[];
  schema: PatternSchema;
}

export type AnalyzeWorkerMessage =
  | { kind: 'progress'; done: number }
  | { kind: 'result'; analyses: FileAnalysis[] };

function readInput(root: string, path: string, schema: PatternSchema): FileInput {
  const fsPath = toFsPath(root, path);
  try {
    const size = statSync(fsPath).size;
    if (size > schema.maxFileBytes) return { path, byteLength: size };
    return decodeFile(path, readFileSync(fsPath));
  } catch (err) {
    // The file vanished or became unreadable between listing and reading.
    return { path, byteLength: 0, readError: err instanceof Error ? err.message : String(err) };
  }
}

export function runJob(job: AnalyzeJob, onProgress?: (done: number) => void): FileAnalysis[] {
  const out: FileAnalysis[] = [];
  for (let i = 0; i < job.paths.length; i++) {
    out.push(analyzeFile(readInput(job.root, job.paths[i] as string, job.schema), job.schema));
    if (onProgress && (i + 1) % 100 === 0) onProgress(i + 1);
  }
  return out;
}

/** Like runJob, but yields to the event loop every few milliseconds so the thread stays responsive. */
export async function runJobInSlices(job: AnalyzeJob, onProgress?: (done: number) => void, sliceMs = 16): Promise<FileAnalysis[]> {
  const out: FileAnalysis[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < job.paths.length; i++) {
    out.push(analyzeFile(readInput(job.root, job.paths[i] as string, job.schema), job.schema));
    if (performance.now() - sliceStart > sliceMs) {
      onProgress?.(i + 1);
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  onProgress?.(job.paths.length);
  return out;
}

if (parentPort && workerData) {
  const port = parentPort;
  const analyses = runJob(workerData as AnalyzeJob, (done) => port.postMessage({ kind: 'progress', done } satisfies AnalyzeWorkerMessage));
  port.postMessage({ kind: 'result', analyses } satisfies AnalyzeWorkerMessage);
}
