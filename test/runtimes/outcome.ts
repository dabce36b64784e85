// What a row of the matrix yields: the smoke test's report, or why there is none.
import { spawn } from 'node:child_process';

/** The report of fixtures/smoke.mjs. */
export interface Report {
  runtime: string;
  backend: string;
  init: unknown;
  ok: boolean;
  failures: string[];
}

export type Outcome = { report: Report } | { error: string };

interface Finished {
  /** "exit <code>", "killed by <signal>", or why it did not start. */
  status: string;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (killed after timeoutMs). */
export async function execute(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs: number },
): Promise<Finished> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<string>((done) => {
    child.on('error', (error) => done(String(error)));
    child.on('close', (code, signal) => done(signal ? `killed by ${signal}` : `exit ${code}`));
  });
  return { status, stdout, stderr };
}

/** The report a command printed as its last stdout line, or its exit status and output's tail. */
export async function runProcess(...args: Parameters<typeof execute>): Promise<Outcome> {
  const { status, stdout, stderr } = await execute(...args);
  return parseReport(stdout.trim().split('\n').at(-1) ?? '', `${status}: ${tail(stderr || stdout)}`);
}

/** The report in `json`, or `failure` as the error. */
export function parseReport(json: string, failure: string): Outcome {
  try {
    const report = JSON.parse(json) as Report;
    if (typeof report === 'object' && report !== null && 'ok' in report) return { report };
  } catch {
    // not a report: the failure below
  }
  return { error: failure };
}

/** The last lines of a process's output, on one line. */
export function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}
