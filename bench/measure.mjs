// Run a command and measure its wall time and the peak memory of its whole process
// tree (the browser's processes included), sampled from /proc: the sum of resident
// sets (RSS: pages shared by several processes counted in each) and of
// proportional sets (PSS: a shared page divided among its processes, so the sum is
// what the tree takes from the machine).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const PAGE = 4096;

/** The resident set size of a process tree and, if asked, its proportional set size (shared pages divided among their processes), in bytes. */
function treeMemory(root, withPss) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {}
  }
  let rss = 0;
  let pss = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop();
    try {
      rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
      if (withPss) pss += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {}
    queue.push(...(children.get(pid) ?? []));
  }
  return { rss, pss };
}

export function measure(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    let peakPss = 0;
    // PSS is dear to read (the kernel walks every mapping): read it every 20th
    // sample, and whenever the resident size grew by a tenth since it was last read,
    // so that measuring does not slow what it measures and still sees the peak.
    let n = 0;
    let rssAtPss = 0;
    const sample = () => {
      const rss = treeMemory(child.pid, false).rss;
      peak = Math.max(peak, rss);
      if (n++ % 20 === 0 || rss > rssAtPss * 1.1) {
        rssAtPss = rss;
        peakPss = Math.max(peakPss, treeMemory(child.pid, true).pss);
      }
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`));
      else resolve({ ms, peakMb: peak / 1024 / 1024, peakPssMb: peakPss / 1024 / 1024, stdout, stderr });
    });
  });
}
