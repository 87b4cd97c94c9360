/** Everything the CLI touches outside itself, so it can run in tests with fakes. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The width of the terminal stderr is, when it is one (a progress line must not wrap). */
  readonly stderrColumns?: number;
}

/** Whether the run is under CI: CI set to anything but '' or 'false'. */
export function underCi(env: Io['env']): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
}

/** Colour is on for a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function wantsColor(io: Io, flag: boolean): boolean {
  if (!flag) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
