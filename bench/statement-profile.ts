/**
 * Which request sent which statements (BENCH_PROFILE=1 in bench/lifecycle.ts): with one client
 * at a time, every statement between a request's arrival and its answer is that request's;
 * statements outside any request are the background work it caused (the audit chainer).
 */
import type { App } from '../src/kernel/http.js';

interface RequestStatements {
  label: string;
  statements: string[];
}

export class StatementProfile {
  private recording = false;
  private readonly requests: RequestStatements[] = [];
  private readonly background: RequestStatements = { label: 'background (after answers)', statements: [] };
  private current: RequestStatements | null = null;

  attach(app: App): void {
    // The raw server's event comes before any hook, so session look-ups count for the request.
    app.server.on('request', (request) => {
      if (!this.recording) return;
      this.current = { label: `${request.method} ${request.url}`, statements: [] };
      this.requests.push(this.current);
    });
    app.addHook('preHandler', async (request) => {
      const action = (request.body as { action?: unknown } | undefined)?.action;
      if (this.current)
        this.current.label = `${request.method} ${request.routeOptions.url}${typeof action === 'string' ? ` ${action}` : ''}`;
    });
    app.addHook('onResponse', async () => {
      this.current = null;
    });
  }

  start(): void {
    this.recording = true;
  }

  record(statement: string): void {
    if (!this.recording) return;
    (this.current ?? this.background).statements.push(statement.replace(/\s+/g, ' ').slice(0, 150));
  }

  report(): string {
    const lines = ['statements by request (one lifecycle, C = 1; BEGIN/COMMIT not listed):'];
    for (const { label, statements } of [...this.requests, this.background]) {
      lines.push(`  ${statements.length.toString().padStart(4)}  ${label}`);
      const counts = new Map<string, number>();
      for (const s of statements) counts.set(s, (counts.get(s) ?? 0) + 1);
      for (const [s, n] of [...counts].sort((a, b) => b[1] - a[1])) lines.push(`        ${n}× ${s}`);
    }
    return lines.join('\n');
  }
}
