/** A minimal LSP client over stdio for yaml-language-server: open files, collect diagnostics. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number } };
}

export class YamlLanguageServer {
  private proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private waiting = new Map<number, (v: unknown) => void>();
  private diags = new Map<string, LspDiagnostic[]>();
  private listeners: Array<() => void> = [];

  constructor() {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('yaml-language-server/package.json');
    this.proc = spawn(process.execPath, [join(dirname(pkg), 'bin', 'yaml-language-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  private send(msg: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end === -1) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString())![1]);
      if (this.buf.length < end + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(end + 4 + len);
      this.onMessage(msg);
    }
  }

  private onMessage(msg: any): void {
    if (msg.id !== undefined && msg.method) {
      // A request from the server: settings for workspace/configuration, null for the rest.
      const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => SETTINGS.yaml) : null;
      this.send({ id: msg.id, result });
    } else if (msg.id !== undefined) {
      this.waiting.get(msg.id)?.(msg.result);
      this.waiting.delete(msg.id);
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.diags.set(msg.params.uri, msg.params.diagnostics);
      for (const l of this.listeners) l();
    }
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((res) => {
      this.waiting.set(id, res);
      this.send({ id, method, params });
    });
  }

  async start(root: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } } });
    this.send({ method: 'initialized', params: {} });
    this.send({ method: 'workspace/didChangeConfiguration', params: { settings: SETTINGS } });
  }

  /** Opens a file and waits for its diagnostics (errors only, severity 1). */
  async errors(file: string): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    this.diags.delete(uri);
    const got = new Promise<LspDiagnostic[]>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`no diagnostics for ${file}`)), 20_000);
      const check = () => {
        const d = this.diags.get(uri);
        if (d) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== check);
          res(d);
        }
      };
      this.listeners.push(check);
    });
    this.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } } });
    const d = await got;
    this.send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
    return d.filter((x) => x.severity === 1 || x.severity === undefined);
  }

  async stop(): Promise<void> {
    await this.request('shutdown', null);
    this.send({ method: 'exit', params: null });
    this.proc.kill();
  }
}

const SETTINGS = { yaml: { validate: true, hover: false, completion: false, schemaStore: { enable: false }, schemas: {}, format: { enable: false } } };
