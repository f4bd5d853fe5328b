/**
 * Opens a vault for validation: reads its schema, lists its files and
 * analyses them on worker threads (in-process when no worker bundle exists,
 * as when tests run from source), then builds the vault index.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SCHEMA, loadVaultSchema, VAULT_SCHEMA_PATH, type SchemaLoadResult } from '../../shared/schema/schema';
import type { FileAnalysis } from '../../shared/validation/analyze-file';
import { VaultIndex } from '../../shared/vault/vault-index';
import { listVaultFiles, toFsPath } from './vault-files';
import { runJob, type AnalyzeJob, type AnalyzeWorkerMessage } from './analyze-worker';

export interface AnalyzeVaultOptions {
  /** Worker threads to use; 0 analyses in this thread. Default: one per core, at most 4. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface AnalyzedVault {
  root: string;
  schema: SchemaLoadResult;
  index: VaultIndex;
}

export async function loadSchemaForVault(root: string): Promise<SchemaLoadResult> {
  let text: string | undefined;
  try {
    text = await readFile(toFsPath(root, VAULT_SCHEMA_PATH), 'utf8');
  } catch {
    text = undefined;
  }
  return loadVaultSchema(text, DEFAULT_SCHEMA);
}

const WORKER_URL = new URL('./analyze-worker.mjs', import.meta.url);

function workerAvailable(): boolean {
  try {
    return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/** Deals files out in turn: neighbours in name order have unrelated sizes, so shares come out about even. */
function partition(paths: string[], n: number): string[][] {
  const shares: string[][] = Array.from({ length: n }, () => []);
  paths.forEach((p, i) => (shares[i % n] as string[]).push(p));
  return shares;
}

function runWorker(job: AnalyzeJob, onProgress: (delta: number) => void): Promise<FileAnalysis[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    let reported = 0;
    worker.on('message', (msg: AnalyzeWorkerMessage) => {
      if (msg.kind === 'progress') {
        onProgress(msg.done - reported);
        reported = msg.done;
      } else {
        onProgress(job.paths.length - reported);
        resolve(msg.analyses);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`validation worker exited with code ${code}`));
    });
  });
}

export async function analyzePaths(root: string, paths: string[], job: Omit<AnalyzeJob, 'root' | 'paths'>, options: AnalyzeVaultOptions = {}): Promise<FileAnalysis[]> {
  const total = paths.length;
  let done = 0;
  const progress = (delta: number) => {
    done += delta;
    options.onProgress?.(done, total);
  };
  const wanted = options.workers ?? Math.min(4, Math.max(1, cpus().length));
  // Below a few hundred files a worker's start-up costs more than it saves.
  const workers = workerAvailable() && total >= 200 ? Math.min(wanted, Math.ceil(total / 100)) : 0;
  if (workers === 0) return runJob({ root, paths, ...job }, (n) => progress(n - done));
  const results = await Promise.all(partition(paths, workers).map((share) => runWorker({ root, paths: share, ...job }, progress)));
  return results.flat();
}

export async function analyzeVault(root: string, options: AnalyzeVaultOptions = {}): Promise<AnalyzedVault> {
  const schema = await loadSchemaForVault(root);
  const paths = await listVaultFiles(root, schema.schema);
  const analyses = await analyzePaths(root, paths, { schema: schema.schema }, options);
  const index = new VaultIndex(schema.schema);
  index.load(analyses);
  return { root, schema, index };
}
