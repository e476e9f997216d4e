import type { DemoProgress } from './demo/demo-data';

/** What start-up ends with: where to go and how to get in, in a few lines nothing scrolls away. */
export function readyBlock(url: string, devToken: string | null): string {
  const lines = [
    'Ready.',
    `  Dashboard:  ${url}/dashboard${devToken ? `#token=${devToken}` : ''}`,
    `  Workspace:  ${url}/workspace   (officers; paste an officer token)`,
    `  API docs:   ${url}/api/docs`,
    devToken
      ? '  Tokens:     the dashboard link carries a 12 h analyst token; others: npm run cli -- token --role officer --board BQL-HN (roles: officer, auditor, analyst, admin)'
      : '  Tokens:     npm run cli -- token --role analyst (signed with LEDGER_JWT_SECRET; roles: officer --board …, auditor, analyst, admin)',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The demo load as one line: rewritten in place on a terminal, and only its start and end when the
 * output is a file or a pipe (no thousands of lines in a log).
 */
export function demoProgressLine(out: NodeJS.WriteStream): DemoProgress {
  let total = 0;
  let shown = -1;
  const text = (done: number) => `Loading demo data (2016 board reports): ${done}/${total} acts recorded`;
  return {
    start(n) {
      total = n;
      out.write(out.isTTY ? text(0) : `${text(0)}…\n`);
    },
    update(done) {
      const percent = Math.floor((done * 100) / total);
      if (!out.isTTY || percent === shown) return;
      shown = percent;
      out.write(`\r${text(done)} (${percent}%)`);
    },
    done(n) {
      out.write(out.isTTY ? `\r${text(n)} (100%)\n` : `${text(n)}.\n`);
    },
  };
}

/** The one line for a port another process holds, instead of a stack trace. */
export const portInUse = (port: number) => `Port ${port} is already in use (another ledger or program listens there): stop it, or start with PORT=<another port>.\n`;
