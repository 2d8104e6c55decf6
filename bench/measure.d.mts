export function measure(
  command: string,
  args: string[],
  options?: object,
): Promise<{ ms: number; peakMb: number; peakPssMb: number; stdout: string; stderr: string }>;
