// Progress for long work: a bar with rate and ETA on a terminal, JSON lines otherwise.
export interface ProgressSink {
  update(done: number, total: number, bytesPerSecond: number, etaSeconds: number): void;
  note(text: string): void;
  end(): void;
}

const human = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1048576).toFixed(1)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${n} B`;

export function progressSink(json: boolean, out: NodeJS.WriteStream = process.stderr): ProgressSink {
  if (json || !out.isTTY) {
    let last = 0;
    return {
      update: (done, total, rate, eta) => {
        const now = Date.now();
        if (done < total && now - last < 250) return;
        last = now;
        process.stdout.write(
          `${JSON.stringify({ event: 'progress', done, total, bytesPerSecond: Math.round(rate), etaSeconds: Number.isFinite(eta) ? Math.round(eta) : null })}\n`,
        );
      },
      note: (text) => process.stdout.write(`${JSON.stringify({ event: 'note', text })}\n`),
      end: () => {},
    };
  }
  let drawn = false;
  return {
    update: (done, total, rate, eta) => {
      const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 50));
      const filled = Math.round((done / total) * width);
      const etaText = Number.isFinite(eta) ? `${Math.ceil(eta)} s` : '--';
      out.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / total) * 100).toFixed(0).padStart(3)}% ${human(done)}/${human(total)} ${human(rate)}/s ETA ${etaText}  `,
      );
      drawn = true;
    },
    note: (text) => {
      out.write(`${drawn ? '\n' : ''}${text}\n`);
      drawn = false;
    },
    end: () => {
      if (drawn) out.write('\n');
    },
  };
}
