// Where and when a run happened, for the JSON files and the report header.
import { cpus } from 'node:os';
import type { RunSettings } from './config.js';

export interface MachineInfo {
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  readonly date: string;
}

export interface RunInfo extends MachineInfo {
  readonly secondsPerCase: number;
  readonly rounds: number;
  readonly minSamples: number;
  /** benchmark.js minTime: the shortest sample, seconds. */
  readonly minSampleSeconds: number;
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    date: new Date().toISOString(),
  };
}

export function runInfo(settings: RunSettings): RunInfo {
  return {
    ...machineInfo(),
    secondsPerCase: settings.secondsPerCase,
    rounds: settings.rounds,
    minSamples: settings.caseOptions.minSamples,
    minSampleSeconds: settings.caseOptions.minTime,
  };
}
