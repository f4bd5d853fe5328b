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
import { parsePrunedFile, PRUNED_PATH } from '../../shared/vault/pruned-links';
import { listVaultFiles, toFsPath } from './vault-files';
import { runJob, runJobInSlices, type AnalyzeJob, type AnalyzeWorkerMessage } from './analyze-worker';

export interface AnalyzeVaultOptions {
  /** Threads to use, this one included when `useThisThread`; 1 analyses in this thread only. Default: one per core, at most 4. */
  threads?: number;
  /**
   * Let this thread take a share too. `true`: in one go (the CLI, which has
   * nothing else to do). `'in-slices'`: a few milliseconds at a time, so that a
   * server still answers requests while it indexes. Default: workers only.
   */
  useThisThread?: boolean | 'in-slices';
  onProgress?: (done: number, total: number) => void;
}

export interface AnalyzedVault {
  root: string;
  schema: SchemaLoadResult;
  index: VaultIndex;
  /** `.trellis/pruned.yaml` exists but cannot be read as a list of pruned links. */
  prunedError?: string;
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

/** How much more this (warm) thread takes than each new worker; measured on the real corpus. */
const HOME_THREAD_WEIGHT = Number(process.env.TRELLIS_HOME_WEIGHT ?? 1.3);

const WORKER_URL = new URL('./analyze-worker.mjs', import.meta.url);

function workerAvailable(): boolean {
  try {
    return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/**
 * Deals files out in turn (neighbours in name order have unrelated sizes, so
 * shares come out about even by bytes), with `firstWeight` times the others'
 * share for the first one: this thread is warm, a new worker is not.
 */
function partition(paths: string[], n: number, firstWeight = 1): string[][] {
  const shares: string[][] = Array.from({ length: n }, () => []);
  const cycle = n - 1 + firstWeight;
  paths.forEach((p, i) => {
    const slot = (i * 1.0) % cycle;
    const k = slot < firstWeight ? 0 : 1 + Math.floor(slot - firstWeight);
    (shares[Math.min(k, n - 1)] as string[]).push(p);
  });
  return shares;
}

function runWorker(job: AnalyzeJob, onProgress: (delta: number) => void): Promise<FileAnalysis[]> {
  return new Promise((resolve, reject) => {
    // A larger young generation means fewer scavenges: parsing allocates millions of short-lived event objects.
    const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
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
  const wanted = options.threads ?? Math.min(4, Math.max(1, cpus().length));
  const useThisThread = options.useThisThread ?? false;
  // Below a few hundred files a worker's start-up costs more than it saves.
  const threads = workerAvailable() && total >= 200 ? Math.max(1, Math.min(wanted, Math.ceil(total / 100))) : 1;
  const inThisThread = (share: string[]): FileAnalysis[] | Promise<FileAnalysis[]> => {
    let reported = 0;
    const onProgress = (n: number) => {
      progress(n - reported);
      reported = n;
    };
    return useThisThread === 'in-slices' ? runJobInSlices({ root, paths: share, ...job }, onProgress) : runJob({ root, paths: share, ...job }, onProgress);
  };
  if (threads === 1 && (useThisThread || !workerAvailable())) return inThisThread(paths);
  if (!useThisThread) {
    const results = await Promise.all(partition(paths, threads).map((share) => runWorker({ root, paths: share, ...job }, progress)));
    return results.flat();
  }
  const [mine = [], ...theirs] = partition(paths, threads, HOME_THREAD_WEIGHT);
  // Start the workers first so they run while this thread does its own share.
  const pending = Promise.all(theirs.map((share) => runWorker({ root, paths: share, ...job }, progress)));
  const own = await inThisThread(mine);
  return [...own, ...(await pending).flat()];
}

export async function analyzeVault(root: string, options: AnalyzeVaultOptions = {}): Promise<AnalyzedVault> {
  const schema = await loadSchemaForVault(root);
  const paths = await listVaultFiles(root, schema.schema);
  const analyses = await analyzePaths(root, paths, { schema: schema.schema }, options);
  const index = new VaultIndex(schema.schema);
  index.load(analyses);
  const pruned = parsePrunedFile(await readFile(toFsPath(root, PRUNED_PATH), 'utf8').catch(() => undefined));
  index.setPruned(pruned.keys);
  return { root, schema, index, ...(pruned.error ? { prunedError: pruned.error } : {}) };
}
