// Worker-thread entry of the ranking pool (see parallel.ts): bootstrap rounds, or half of a JSONL file. Results go
// back as transferred buffers.
import { parentPort } from 'node:worker_threads';
import { bootstrapRounds, type BootstrapProblem } from './math/bootstrap';
import { readJsonlRange, type ReadFileOptions } from './readers/source-file';

export type WorkerJob =
  | { kind: 'bootstrap'; problem: BootstrapProblem; from: number; to: number }
  | { kind: 'jsonl'; path: string; start: number; end: number; options: ReadFileOptions };

parentPort?.on('message', async (job: WorkerJob) => {
  try {
    if (job.kind === 'bootstrap') {
      const out = new Float64Array((job.to - job.from) * job.problem.n);
      bootstrapRounds(job.problem, job.from, job.to, out);
      parentPort!.postMessage({ ok: true, result: out }, [out.buffer]);
    } else {
      const part = await readJsonlRange(job.path, job.start, job.end, job.options);
      parentPort!.postMessage({ ok: true, result: part });
    }
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
