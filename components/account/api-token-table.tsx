import type { ReactNode } from 'react';

export interface TokenListRow {
  id: string;
  name: string;
  prefix: string;
  scope: 'read' | 'write';
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  owner?: string;
}

export interface TokenTableText {
  caption: string;
  name: string;
  owner: string;
  prefix: string;
  scope: string;
  expires: string;
  lastUsed: string;
  state: string;
  scopes: Record<'read' | 'write', string>;
  states: Record<'active' | 'revoked' | 'expired', string>;
  never: string;
}

/** The token table's texts from the catalog (api.tokens.*), for the account and admin pages alike. */
export function tokenTableText(t: (key: string) => string): TokenTableText {
  const k = (key: string) => t(`api.tokens.${key}`);
  return {
    caption: k('title'),
    name: k('name'),
    owner: k('owner'),
    prefix: k('prefix'),
    scope: k('scope'),
    expires: k('expires'),
    lastUsed: k('lastUsed'),
    state: k('state'),
    scopes: { read: k('scopeRead'), write: k('scopeWrite') },
    states: { active: k('active'), revoked: k('revoked'), expired: k('expired') },
    never: k('never'),
  };
}

/** A table of tokens: what each is, when it expires and was last used, and (for live ones) a revoke control. */
export function ApiTokenTable({
  rows,
  text,
  now,
  formatTime,
  revoke,
}: {
  rows: TokenListRow[];
  text: TokenTableText;
  now: Date;
  formatTime: (d: Date) => string;
  revoke: (row: TokenListRow, active: boolean) => ReactNode;
}) {
  const showOwner = rows.some((r) => r.owner !== undefined);
  return (
    <table className="table">
      <caption className="visually-hidden">{text.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.name}</th>
          {showOwner ? <th scope="col">{text.owner}</th> : null}
          <th scope="col">{text.prefix}</th>
          <th scope="col">{text.scope}</th>
          <th scope="col">{text.expires}</th>
          <th scope="col">{text.lastUsed}</th>
          <th scope="col">{text.state}</th>
          <td />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const state = r.revokedAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'active';
          return (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {showOwner ? <td>{r.owner}</td> : null}
              <td>
                <code>{r.prefix}…</code>
              </td>
              <td>{text.scopes[r.scope]}</td>
              <td>{formatTime(r.expiresAt)}</td>
              <td>{r.lastUsedAt ? formatTime(r.lastUsedAt) : text.never}</td>
              <td>{text.states[state]}</td>
              <td>{revoke(r, state === 'active')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
