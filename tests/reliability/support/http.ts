import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { distDir } from './server';

const require = createRequire(import.meta.url);
/** React's own encoder of server action arguments, as the browser uses it. */
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export interface ServerAction {
  id: string;
  /** "app/(dashboard)/updates/new/actions.ts#logProgressAction" */
  key: string;
  /** A page that uses it (the action is posted there, as the browser does). */
  page: string;
}

const samples: Record<string, string> = { '[token]': 'not-a-real-token-but-long-enough-0123', '[code]': 'G1.1', '[year]': '2020', '[id]': '1', '[registry]': 'cities' };

/** Every server action of the build, from its manifest (as tests/e2e/access-matrix.spec.ts reads it). */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
    return { id, key: `${entry.filename}#${entry.exportedName}`, page: page.replace(/\[[^\]]+\]/g, (s) => samples[s] ?? '1') };
  });
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: string;
}

/** A client with its own cookie jar, like one browser. */
export class Client {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private store(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(pathname: string, init: RequestInit & { keepCookies?: boolean } = {}): Promise<HttpResult> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: 'manual' });
    if (init.keepCookies !== false) this.store(res.headers);
    return { status: res.status, headers: res.headers, body: await res.text() };
  }

  /** A GET whose body is kept as bytes (a PDF). */
  async download(pathname: string): Promise<HttpResult & { bytes: Uint8Array }> {
    const get = () => fetch(new URL(pathname, this.baseUrl), { headers: { cookie: this.cookieHeader() }, redirect: 'manual' });
    // A kept-alive socket that the server closed for idleness just as it was reused fails before any answer;
    // a GET is safe to send once more.
    const res = await get().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code === 'UND_ERR_SOCKET') return get();
      throw error;
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body: Buffer.from(bytes).toString('utf8'), bytes };
  }

  get(pathname: string, headers: Record<string, string> = {}): Promise<HttpResult> {
    return this.request(pathname, { headers });
  }

  /** Calls a server action the way the browser does: React's encoding, Next-Action header, same-site Origin. */
  async action(
    action: ServerAction,
    args: unknown[] | FormData | string,
    headers: Record<string, string> = {},
    keepCookies = true,
    signal?: AbortSignal,
  ): Promise<HttpResult> {
    const body = typeof args === 'string' || args instanceof FormData ? args : await encodeReply(args);
    return this.request(action.page, {
      method: 'POST',
      signal,
      headers: {
        'Next-Action': action.id,
        Origin: this.baseUrl,
        Accept: 'text/x-component',
        ...(typeof body === 'string' ? { 'Content-Type': 'text/plain;charset=UTF-8' } : {}),
        ...headers,
      },
      body,
      keepCookies,
    });
  }

  /** Signs in through the real sign-in action; true when a session cookie came back. */
  async signIn(actions: ServerAction[], email: string, password: string): Promise<boolean> {
    const signIn = actions.find((a) => a.key.endsWith('#signInAction'))!;
    const form = new FormData();
    form.append('email', email);
    form.append('password', password);
    form.append('callbackUrl', '/');
    await this.action({ ...signIn, page: '/sign-in' }, [{}, form]);
    return [...this.cookies.keys()].some((k) => k.includes('session-token'));
  }
}
