import 'server-only';
import PQueue from 'p-queue';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { PdfBrowserUnavailableError } from './browser';
import { printPageToPdf, type PrintRequest } from './print-page';

/** Why a PDF was not made; each maps to a clear answer (429 or 503 with Retry-After), never a 500. */
export type PdfRefusal = 'rate_limited' | 'busy' | 'timeout' | 'failed' | 'unavailable';

export class PdfRefusedError extends Error {
  constructor(
    readonly reason: PdfRefusal,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(`PDF refused: ${reason}`, { cause });
    this.name = 'PdfRefusedError';
  }
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};

/**
 * Limits, each overridable by environment: PDFs printed at once (each page printing holds a browser renderer), PDFs
 * waiting beyond those, seconds one request may take from arrival to the last byte (waiting included), and
 * PDFs one user may start per minute. A second identical request while one runs waits for it and costs nothing.
 */
export function pdfLimits(env: Record<string, string | undefined> = process.env) {
  return {
    concurrency: positive(env.PDF_CONCURRENCY, 2),
    queued: positive(env.PDF_QUEUE_LIMIT, 20),
    timeoutSeconds: positive(env.PDF_TIMEOUT_SECONDS, 60),
    perUserPerMinute: positive(env.PDF_RATE_LIMIT_PER_MINUTE, 10),
  };
}

interface JobsState {
  queue: PQueue;
  limiter: RateLimiterMemory;
  inFlight: Map<string, Promise<Buffer>>;
  limits: ReturnType<typeof pdfLimits>;
}

function createState(): JobsState {
  const limits = pdfLimits();
  return {
    limits,
    // The timeout is a backstop that frees the slot; the request's own deadline (below) closes the page first.
    queue: new PQueue({ concurrency: limits.concurrency, timeout: limits.timeoutSeconds * 1000 + 5000 }),
    limiter: new RateLimiterMemory({ keyPrefix: 'pdf', points: limits.perUserPerMinute, duration: 60 }),
    inFlight: new Map(),
  };
}

// One queue, limiter and in-flight table per process, whichever route bundle loads this module first.
const key = Symbol.for('srm.pdf.jobs');
const jobs = (((globalThis as Record<symbol, unknown>)[key] as JobsState | undefined) ??= createState());

async function consumeAllowance(userId: string): Promise<void> {
  try {
    await jobs.limiter.consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new PdfRefusedError('rate_limited', Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}

function refusal(error: unknown, signal: AbortSignal): PdfRefusedError {
  if (error instanceof PdfRefusedError) return error;
  if (error instanceof PdfBrowserUnavailableError) return new PdfRefusedError('unavailable', 300, error);
  if (signal.aborted) return new PdfRefusedError('timeout', 30, error);
  return new PdfRefusedError('failed', 30, error);
}

async function run(request: PrintRequest): Promise<Buffer> {
  const signal = AbortSignal.timeout(jobs.limits.timeoutSeconds * 1000);
  try {
    return await jobs.queue.add(({ signal: taskSignal }) => printPageToPdf(request, taskSignal ?? signal), { signal });
  } catch (error) {
    throw refusal(error, signal);
  }
}

/**
 * A PDF of one page of this app for one user. `key` names what is printed (page, query, language): the same user
 * asking for the same thing while it prints gets the same PDF. Throws PdfRefusedError.
 */
export async function renderPdf(userId: string, key: string, request: PrintRequest): Promise<Buffer> {
  const coalesceKey = `${userId}\n${key}`;
  const running = jobs.inFlight.get(coalesceKey);
  if (running) return running;
  // Registered before the first await, so that a second identical request arriving meanwhile joins this one.
  const job = (async () => {
    await consumeAllowance(userId);
    if (jobs.queue.size >= jobs.limits.queued) throw new PdfRefusedError('busy', 30);
    return run(request);
  })().finally(() => jobs.inFlight.delete(coalesceKey));
  jobs.inFlight.set(coalesceKey, job);
  return job;
}

/** What the queue holds now (for the health of the PDF service in logs and tests). */
export function pdfQueueState() {
  return { running: jobs.queue.pending, waiting: jobs.queue.size, coalescing: jobs.inFlight.size };
}
